import type { CheckResult } from '../../app/contract/check';
import type { CheckSnapshot } from '../../app/fixes/attempt';
import { planTasks, type EngineOptions } from '../engine/engine';
import { runChecks } from '../scheduler/run';
import { forgetHostsReads } from '../system/hosts/lookup';

/**
 * Runs again only the checks with these ids, as the same engine plans them. The clock check reads
 * the NTP check's answer, so asking for it brings the NTP check along. DNS is asked afresh and the
 * hosts file read again: the run's answers (the command line asks early) and the hosts-file
 * lines quoted in details are what the fix just changed.
 */
export async function rerunChecks(options: EngineOptions, ids: readonly string[]): Promise<CheckResult[]> {
  const { lookups: _runAnswers, ...fresh } = options;
  forgetHostsReads();
  const wanted = new Set(ids);
  const tasks = planTasks(fresh);
  if (wanted.has('clock:offset')) for (const task of tasks) if (task.planned.kind === 'ntp') wanted.add(task.planned.id);
  const chosen = tasks.filter((task) => wanted.has(task.planned.id));
  const report = await runChecks(
    chosen,
    {
      timeoutMs: options.timeoutMs,
      concurrency: options.concurrency,
      ...(options.signal ? { signal: options.signal } : {}),
      catalog: { version: options.catalog.version, updated: options.catalog.updated, source: options.catalogSource },
    },
    () => undefined,
  );
  return report.checks.filter((check) => ids.includes(check.id));
}

export function snapshotOf(check: CheckResult): CheckSnapshot {
  return { id: check.id, title: check.title, status: check.status, reason: check.reason };
}

/** The checks with these ids out of a run, in the order asked. */
export function pick(checks: readonly CheckResult[], ids: readonly string[]): CheckResult[] {
  return ids.flatMap((id) => checks.filter((check) => check.id === id));
}

/** The run's checks with the re-run ones in their place. */
export function mergeChecks(checks: readonly CheckResult[], fresh: readonly CheckResult[]): CheckResult[] {
  const byId = new Map(fresh.map((check) => [check.id, check]));
  return checks.map((check) => byId.get(check.id) ?? check);
}
