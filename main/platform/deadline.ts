/** A signal that aborts when the parent aborts or `ms` have passed, whichever comes first. */
export function withDeadline(parent: AbortSignal | undefined, ms: number): AbortSignal {
  // Not AbortSignal.timeout: inside AbortSignal.any, Node 20 holds it only weakly, so a garbage
  // collection before the deadline loses it and the combined signal never aborts (a check waiting
  // on a dropped connection then hangs for good). The timer holds this controller until it fires;
  // unref'd, as AbortSignal.timeout's is, so it never keeps the process alive by itself.
  const timeout = new AbortController();
  setTimeout(() => timeout.abort(deadlineReason()), Math.max(1, Math.round(ms))).unref();
  return parent ? AbortSignal.any([parent, timeout.signal]) : timeout.signal;
}

/** What AbortSignal.timeout aborts with; isDeadline recognises it. */
function deadlineReason(): DOMException {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}

/** True when the abort came from a deadline rather than from the user cancelling. */
export function isDeadline(signal: AbortSignal): boolean {
  const reason: unknown = signal.reason;
  return reason instanceof DOMException && reason.name === 'TimeoutError';
}

/**
 * Races a promise against a signal. The promise is not cancelled by this (use it for work that
 * cannot be cancelled, like getaddrinfo); `onAbort` should release whatever can be released.
 */
export function raceAbort<T>(signal: AbortSignal, work: Promise<T>, onAbort?: () => void): Promise<T | Aborted> {
  if (signal.aborted) {
    onAbort?.();
    work.catch(() => undefined);
    return Promise.resolve(ABORTED);
  }
  return new Promise<T | Aborted>((resolve, reject) => {
    const abort = () => {
      onAbort?.();
      resolve(ABORTED);
    };
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export const ABORTED: unique symbol = Symbol('aborted');
export type Aborted = typeof ABORTED;

export function elapsedSince(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}
