import type { CheckResult, RunEvent } from './check';

/**
 * The results of the latest run, gathered from its check-result events: they are the one copy of
 * each result (run-finished carries only the report's header). A listener that needs the checks
 * as a whole (the diagnosis, the fixes) feeds it every event and reads them in plan order.
 */
export class RunResults {
  private runId: string | undefined;
  private order = new Map<string, number>();
  private readonly byId = new Map<string, CheckResult>();

  /** Takes one event; a run-started forgets the run before, events of another run are ignored. */
  observe(event: RunEvent): void {
    if (event.type === 'run-started') {
      this.runId = event.runId;
      this.order = new Map(event.planned.map((check, index) => [check.id, index]));
      this.byId.clear();
    } else if (event.type === 'check-result' && event.runId === this.runId) {
      this.byId.set(event.result.id, event.result);
    }
  }

  /** The results received so far, in plan order; a result for a check not planned comes last. */
  inPlanOrder(): CheckResult[] {
    const rank = (result: CheckResult) => this.order.get(result.id) ?? this.order.size;
    return [...this.byId.values()].sort((a, b) => rank(a) - rank(b));
  }
}
