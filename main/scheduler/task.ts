import type { CheckResult, PlannedCheck } from '../../app/contract/check';

/** One check the runner can schedule. Network and system checks both come in this shape. */
export interface CheckTask {
  planned: PlannedCheck;
  /** Runs the check; must give up promptly when `signal` aborts (deadline or cancel). */
  run(signal: AbortSignal): Promise<CheckResult>;
  /** The result to report when the check could not finish: the deadline passed or the user cancelled. */
  interrupted(why: 'deadline' | 'cancelled'): CheckResult;
  /**
   * A check that is slow by nature (a cold PowerShell start on Windows) gets at least this long,
   * whatever the run's per-check deadline.
   */
  minimumDeadlineMs?: number;
  /**
   * How many network exchanges the check waits for one after another (DNS, TCP, TLS, HTTP: 4).
   * The runner starts the longest chains first, so their first packets are not queued behind
   * checks that have time to spare; the report keeps plan order.
   */
  chainLength?: number;
}

/** What a check that the user cancelled says, whatever kind it is. */
export const CANCELLED_DETAIL = 'Cancelled before this check finished.';
