import type { CheckResult } from '../../../app/contract/check';
import type { CheckTask } from '../../runner/task';

/**
 * Lets the clock check read the NTP check's answer instead of asking the time server a second
 * time. The NTP task is wrapped, not changed: whatever it reports (answer, deadline, cancel)
 * also settles `result`. The clock waits for it, so the NTP task must start first: the runner
 * starts the longest chains first and keeps plan order among equals, the clock declares no chain,
 * and the wrapped NTP task (which declares none either) comes before it in the plan, so it starts
 * before the clock at any concurrency.
 */
export function shareNtpResult(tasks: readonly CheckTask[]): { tasks: CheckTask[]; result?: Promise<CheckResult> } {
  const index = tasks.findIndex((task) => task.planned.kind === 'ntp');
  if (index < 0) return { tasks: [...tasks] };
  const ntp = tasks[index]!;
  let settle: (result: CheckResult) => void = () => undefined;
  const result = new Promise<CheckResult>((resolve) => (settle = resolve));
  const wrapped: CheckTask = {
    planned: ntp.planned,
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
