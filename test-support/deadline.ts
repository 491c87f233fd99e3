// Deadlines a test passes by hand, at a moment it chooses, instead of timers it then measures
// with the wall clock: on a busy machine a window of milliseconds fails for no reason.

/** What AbortSignal.timeout aborts with: the code under test takes it for its deadline (isDeadline). */
function deadlineReason(): DOMException {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}

interface ManualDeadline {
  signal: AbortSignal;
  pass(): void;
}

export function manualDeadline(): ManualDeadline {
  const controller = new AbortController();
  return { signal: controller.signal, pass: () => controller.abort(deadlineReason()) };
}

interface AtDeadline<T> {
  outcome: T;
  /** Whether the work had settled before the deadline passed: it should have waited for it. */
  settledEarly: boolean;
}

/**
 * Runs `work` under a manual deadline and passes the deadline once `waiting` resolves (the other
 * side has the request and stays silent) and the callbacks already due have run. Work that
 * ignores the deadline never settles, and the test runner's own time-out reports it.
 */
export async function passDeadlineWhen<T>(waiting: Promise<unknown>, work: (signal: AbortSignal) => Promise<T>): Promise<AtDeadline<T>> {
  const deadline = manualDeadline();
  let settled = false;
  const pending = work(deadline.signal).finally(() => (settled = true));
  await waiting;
  await new Promise((resolve) => setImmediate(resolve));
  const settledEarly = settled;
  deadline.pass();
  return { outcome: await pending, settledEarly };
}
