import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { REPORT_SCHEMA, summarize, type CheckResult, type Report, type ReportHeader, type RunEvent } from '../../app/contract/check';
import { withDeadline } from '../platform/deadline';
import type { CheckTask } from './task';

export interface RunOptions {
  /** Per-check deadline in ms (the whole chain DNS, TCP, TLS, HTTP of one check). */
  timeoutMs: number;
  /** How many checks run at once. */
  concurrency: number;
  /** Cancels the whole run. */
  signal?: AbortSignal;
  runId?: string;
  catalog: Report['catalog'];
  /**
   * performance.now() when the run's work began, if that was before the runner was called: the
   * command line sends its DNS queries while it is still loading. The report counts from then.
   */
  begunAt?: number;
}

/** Extra time a check gets after its deadline to report on its own before the runner steps in. */
const GRACE_MS = 150;

/**
 * Runs every task with bounded concurrency, emitting events as results arrive. Always resolves:
 * a task that throws or overruns its deadline is reported as such, never lost.
 */
export async function runChecks(tasks: readonly CheckTask[], options: RunOptions, emit: (event: RunEvent) => void): Promise<Report> {
  const runId = options.runId ?? randomUUID();
  const now = performance.now();
  const start = Math.min(now, options.begunAt ?? now);
  const startedAt = new Date(Date.now() - (now - start));
  emit({ type: 'run-started', runId, startedAt: startedAt.toISOString(), planned: tasks.map((task) => task.planned) });

  const results: (CheckResult | undefined)[] = new Array(tasks.length);
  const startOrder = longestChainsFirst(tasks);
  let next = 0;
  const worker = async () => {
    while (next < startOrder.length) {
      const index = startOrder[next++]!;
      const task = tasks[index]!;
      // Every check is announced, even one a cancel reaches before it runs: a listener can count on one start per result.
      emit({ type: 'check-started', runId, checkId: task.planned.id });
      results[index] = options.signal?.aborted ? task.interrupted('cancelled') : await runOne(task, options);
      emit({ type: 'check-result', runId, result: results[index]! });
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, tasks.length));
  await Promise.all(Array.from({ length: workers }, worker));

  const checks = results.filter((result): result is CheckResult => result !== undefined);
  const header: ReportHeader = {
    schema: REPORT_SCHEMA,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - start),
    cancelled: options.signal?.aborted ?? false,
    catalog: options.catalog,
    platform: { os: process.platform, release: os.release(), arch: process.arch },
    summary: summarize(checks),
  };
  // The results went out one by one as check-result events; run-finished does not send them again.
  emit({ type: 'run-finished', runId, header });
  return { ...header, checks };
}

/** Task indices, longest chain first; ties keep plan order (the sort is stable). */
function longestChainsFirst(tasks: readonly CheckTask[]): number[] {
  return tasks.map((_, index) => index).sort((a, b) => (tasks[b]!.chainLength ?? 0) - (tasks[a]!.chainLength ?? 0));
}

async function runOne(task: CheckTask, options: RunOptions): Promise<CheckResult> {
  const signal = withDeadline(options.signal, Math.max(options.timeoutMs, task.minimumDeadlineMs ?? 0));
  let timer: NodeJS.Timeout | undefined;
  let stepIn: (() => void) | undefined;
  const overrun = new Promise<CheckResult>((resolve) => {
    stepIn = () => {
      timer = setTimeout(() => resolve(task.interrupted(options.signal?.aborted ? 'cancelled' : 'deadline')), GRACE_MS);
    };
    if (signal.aborted) stepIn();
    else signal.addEventListener('abort', stepIn, { once: true });
  });
  try {
    return await Promise.race([task.run(signal), overrun]);
  } catch (error) {
    const fallback = task.interrupted(options.signal?.aborted ? 'cancelled' : 'deadline');
    return {
      ...fallback,
      status: 'fail',
      reason: 'internal-error',
      detail: `This check stopped with an internal error: ${(error as Error).message}`,
    };
  } finally {
    if (stepIn) signal.removeEventListener('abort', stepIn);
    if (timer) clearTimeout(timer);
  }
}
