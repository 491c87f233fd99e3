import type { Report, RunEvent } from '../../app/contract/check';

/**
 * Remembers the report of the last finished run, which is what a support report is made from.
 * Fed the same events the window gets; one report at a time (a run's report is a few hundred KB).
 */
export class FinishedReports {
  private last: { runId: string; report: Report } | undefined;

  observe(event: RunEvent): void {
    if (event.type === 'run-finished') this.last = { runId: event.runId, report: event.report };
  }

  get(runId: string): Report | undefined {
    return this.last?.runId === runId ? this.last.report : undefined;
  }
}
