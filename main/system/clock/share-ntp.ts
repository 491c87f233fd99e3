import type { CheckResult } from '../../../app/contract/check';
import type { CheckTask } from '../../scheduler/task';

/**
 * Lets the clock check read the NTP check's answer instead of asking the time server a second
 * time. The NTP task is wrapped, not changed (its chain length and deadline stay): whatever it
 * reports (answer, deadline, cancel) also settles `result`. The runner starts the longest chains
 * first and the clock has none, so the NTP task is always started before the clock, at any
 * concurrency, and the clock never waits on a check that has not begun.
 */
export function shareNtpResult(tasks: readonly CheckTask[]): { tasks: CheckTask[]; result?: Promise<CheckResult> } {
  const index = tasks.findIndex((task) => task.planned.kind === 'ntp');
  if (index < 0) return { tasks: [...tasks] };
  const ntp = tasks[index]!;
  let settle: (result: CheckResult) => void = () => undefined;
  const result = new Promise<CheckResult>((resolve) => (settle = resolve));
  const wrapped: CheckTask = {
    ...ntp,
    async run(signal) {
      try {
        const outcome = await ntp.run(signal);
        settle(outcome);
        return outcome;
      } catch (error) {
        settle(ntp.interrupted('deadline'));
        throw error;
      }
    },
    interrupted(why) {
      const outcome = ntp.interrupted(why);
      settle(outcome);
      return outcome;
    },
  };
  const copy = [...tasks];
  copy[index] = wrapped;
  return { tasks: copy, result };
}
