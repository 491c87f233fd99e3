import type { Report, RunEvent } from '../../app/contract/check';
import { RunResults } from '../../app/contract/run-results';

/**
 * Remembers the report of the last finished run, which is what a support report is made from.
 * Fed the same events the window gets: the results as they stream in (the one copy of each), and
 * the header run-finished carries. One report at a time (a run's report is a few hundred KB).
 */
export class FinishedReports {
  private readonly results = new RunResults();
  private last: { runId: string; report: Report } | undefined;

  observe(event: RunEvent): void {
    this.results.observe(event);
    if (event.type === 'run-finished') this.last = { runId: event.runId, report: { ...event.header, checks: this.results.inPlanOrder() } };
  }

  get(runId: string): Report | undefined {
    return this.last?.runId === runId ? this.last.report : undefined;
  }
}
