import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA, type CheckResult, type CheckStatus, type PortCheck, type RunEvent } from '../../app/contract/check';
import { collectGarbageSoon } from '../../test-support/force-gc';
import { runChecks, type RunOptions } from './run';
import type { CheckTask } from './task';

// The tasks here are test doubles: the runner is what is under test.

interface FakeTask extends CheckTask {
  /** How many times run() was called. */
  runs: number;
}

interface Behaviour {
  /** Resolve after this many ms (unless the signal aborts first). */
  delayMs?: number;
  status?: CheckStatus;
  /** Never settle, whatever the signal says. */
  ignoreSignal?: boolean;
  /** Reject with this error after delayMs. */
  fails?: string;
  /** Throw synchronously from run(). */
  throwsAtOnce?: string;
  /** Called when run() starts and when it settles, to count what is in flight. */
  onStart?: () => void;
  onEnd?: () => void;
  /** Called when the task's signal aborts (even when it ignores it), with the abort's name. */
  onAbort?: (name: string) => void;
  /** Called when the runner asks the task for its interrupted result. */
  onInterrupted?: (why: string) => void;
}

const CATALOG = { version: '2026.11.25', updated: '2026-11-25', source: 'built-in' };

function result(id: string, fields: Partial<PortCheck> = {}): PortCheck {
  return {
    id,
    kind: 'port',
    group: 'network',
    title: `Port ${id}`,
    status: 'ok',
    reason: 'ok',
    detail: 'fine',
    timings: {},
    port: 554,
    protocol: 'tcp',
    purpose: 'testing',
    ...fields,
  };
}

function fakeTask(id: string, behaviour: Behaviour = {}): FakeTask {
  const fake: FakeTask = {
    runs: 0,
    planned: { id, kind: 'port', group: 'network', title: `Port ${id}`, port: 554, protocol: 'tcp' },
    interrupted: (why) => {
      behaviour.onInterrupted?.(why);
      return result(id, {
        status: why === 'cancelled' ? 'skipped' : 'fail',
        reason: why === 'cancelled' ? 'cancelled' : 'tcp-timeout',
        detail: `interrupted: ${why}`,
      });
    },
    run(signal) {
      fake.runs += 1;
      if (behaviour.throwsAtOnce) throw new Error(behaviour.throwsAtOnce);
      behaviour.onStart?.();
      signal.addEventListener('abort', () => behaviour.onAbort?.(String((signal.reason as Error).name)), { once: true });
      return new Promise<CheckResult>((resolve, reject) => {
        if (behaviour.ignoreSignal) return;
        const settle = (value: CheckResult | Error) => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          behaviour.onEnd?.();
          if (value instanceof Error) reject(value);
          else resolve(value);
        };
        const onAbort = () =>
          settle(
            result(id, { status: 'skipped', reason: 'cancelled', detail: `gave up on its own: ${String((signal.reason as Error).name)}` }),
          );
        const timer = setTimeout(
          () => settle(behaviour.fails ? new Error(behaviour.fails) : result(id, { status: behaviour.status ?? 'ok' })),
          behaviour.delayMs ?? 0,
        );
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
  return fake;
}

function options(overrides: Partial<RunOptions> = {}): RunOptions {
  return { timeoutMs: 5000, concurrency: 4, runId: 'run-1', catalog: CATALOG, ...overrides };
}

async function run(tasks: CheckTask[], overrides: Partial<RunOptions> = {}) {
  const events: RunEvent[] = [];
  const report = await runChecks(tasks, options(overrides), (event) => events.push(event));
  return { report, events };
}

/** The stream's promise: run-started first, run-finished last, and every check started once, then finished once. */
function expectConsistentStream(events: RunEvent[], tasks: readonly CheckTask[]): void {
  expect(events[0]?.type).toBe('run-started');
  expect(events.at(-1)?.type).toBe('run-finished');
  expect(events).toHaveLength(2 + 2 * tasks.length);
  for (const task of tasks) {
    const id = task.planned.id;
    const started = events.flatMap((e, i) => (e.type === 'check-started' && e.checkId === id ? [i] : []));
    const finished = events.flatMap((e, i) => (e.type === 'check-result' && e.result.id === id ? [i] : []));
    expect(started, id).toHaveLength(1);
    expect(finished, id).toHaveLength(1);
    expect(finished[0], id).toBeGreaterThan(started[0]!);
  }
}

function resultOrder(events: RunEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'check-result' ? [event.result.id] : []));
}

describe('runChecks', () => {
  it('reports in plan order whatever order the checks finish in', async () => {
    const tasks = [fakeTask('a', { delayMs: 80 }), fakeTask('b', { delayMs: 10 }), fakeTask('c', { delayMs: 40 }), fakeTask('d')];
    const { report, events } = await run(tasks);
    // They did finish out of order...
    expect(resultOrder(events)).toEqual(['d', 'b', 'c', 'a']);
    // ...and the report is in plan order all the same.
    expect(report.checks.map((check) => check.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(tasks.every((task) => task.runs === 1)).toBe(true);
  });

  it('starts the longest chains first, and still reports in plan order', async () => {
    const startOrder: string[] = [];
    const task = (id: string, chainLength?: number): CheckTask => ({
      ...fakeTask(id, { onStart: () => startOrder.push(id) }),
      ...(chainLength !== undefined ? { chainLength } : {}),
    });
    const tasks = [task('port', 2), task('system'), task('tls', 4), task('http', 3), task('tls-2', 4)];
    const { report, events } = await run(tasks, { concurrency: 2 });
    expect(startOrder).toEqual(['tls', 'tls-2', 'http', 'port', 'system']);
    expect(events.flatMap((e) => (e.type === 'check-started' ? [e.checkId] : []))).toEqual(startOrder);
    expect(report.checks.map((check) => check.id)).toEqual(['port', 'system', 'tls', 'http', 'tls-2']);
  });

  it('counts the run from when its work began, when that was before the runner was called', async () => {
    const begunAt = performance.now() - 250;
    const before = Date.now();
    const { report, events } = await run([fakeTask('a')], { begunAt });
    expect(report.durationMs).toBeGreaterThanOrEqual(250);
    // The start is dated from begunAt, so however long the run took, it is 250 ms before `before`
    // (give or take the two clocks' rounding).
    const startedAt = Date.parse(report.startedAt);
    expect(startedAt).toBeGreaterThanOrEqual(before - 260);
    expect(startedAt).toBeLessThanOrEqual(before - 240);
    expect(events[0]).toMatchObject({ type: 'run-started', startedAt: report.startedAt });
  });

  it('emits run-started first, check-started before each check-result, run-finished last', async () => {
    const tasks = ['a', 'b', 'c', 'd', 'e'].map((id, i) => fakeTask(id, { delayMs: (5 - i) * 5 }));
    const { report, events } = await run(tasks, { concurrency: 2 });

    const first = events[0];
    expect(first?.type).toBe('run-started');
    if (first?.type === 'run-started') expect(first.planned).toEqual(tasks.map((task) => task.planned));

    const last = events.at(-1);
    expect(last?.type).toBe('run-finished');
    // run-finished says how the run went, and leaves the results to the check-result events that carried them.
    const { checks, ...header } = report;
    if (last?.type === 'run-finished') expect(last.header).toEqual(header);
    expect(last).not.toHaveProperty('header.checks');
    expect(events.flatMap((e) => (e.type === 'check-result' ? [e.result] : []))).toEqual(expect.arrayContaining(checks));

    expect(events.every((event) => event.runId === 'run-1')).toBe(true);
    expectConsistentStream(events, tasks);
  });

  it('never runs more checks at once than the bound, and does use it', async () => {
    let inFlight = 0;
    let most = 0;
    const counting: Behaviour = {
      onStart: () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
      },
      onEnd: () => {
        inFlight -= 1;
      },
    };
    const tasks = Array.from({ length: 12 }, (_, i) => fakeTask(`t${i}`, { ...counting, delayMs: 5 + ((i * 7) % 20) }));
    const { report } = await run(tasks, { concurrency: 3 });
    expect(most).toBe(3);
    expect(inFlight).toBe(0);
    expect(report.checks).toHaveLength(12);
  });

  it('runs one at a time with a bound of 1, and copes with a bound above the number of checks', async () => {
    let inFlight = 0;
    let most = 0;
    const counting: Behaviour = {
      onStart: () => (most = Math.max(most, ++inFlight)),
      onEnd: () => void (inFlight -= 1),
    };
    await run([fakeTask('a', counting), fakeTask('b', counting), fakeTask('c', counting)], { concurrency: 1 });
    expect(most).toBe(1);
    const { report } = await run([fakeTask('a'), fakeTask('b')], { concurrency: 48 });
    expect(report.checks.map((c) => c.status)).toEqual(['ok', 'ok']);
  });

  it('steps in for a check that ignores its deadline, with interrupted("deadline"), only after the deadline', async () => {
    const order: string[] = [];
    const stuck = fakeTask('stuck', {
      ignoreSignal: true,
      onAbort: (name) => order.push(`signal: ${name}`),
      onInterrupted: (why) => order.push(`interrupted: ${why}`),
    });
    // A check well inside the deadline is not cut short by it.
    const fine = fakeTask('fine', { delayMs: 20, onEnd: () => order.push('fine finished') });
    const { report } = await run([stuck, fine], { timeoutMs: 200 });
    expect(order).toEqual(['fine finished', 'signal: TimeoutError', 'interrupted: deadline']);
    expect(report.checks[0]).toMatchObject({ id: 'stuck', status: 'fail', detail: 'interrupted: deadline' });
    expect(report.checks[1]?.status).toBe('ok');
    expect(report.cancelled).toBe(false);
  });

  it('finishes the run when garbage is collected while a check waits for its deadline under a cancellable run', async () => {
    // The desktop app's runs are cancellable: the deadline was AbortSignal.any of the run's signal and a
    // timeout that a collection could take away. The runner then never stepped in, and the run never finished.
    const cancel = new AbortController();
    const stuck = fakeTask('albert', { ignoreSignal: true, onStart: () => void collectGarbageSoon() });
    const tasks = [stuck, fakeTask('fine')];
    const { report, events } = await run(tasks, { timeoutMs: 100, signal: cancel.signal });
    expectConsistentStream(events, tasks);
    expect(report.checks[0]).toMatchObject({ id: 'albert', detail: 'interrupted: deadline' });
  });

  it("gives a check that asks for it a longer deadline than the run's", async () => {
    const slow: FakeTask = { ...fakeTask('powershell', { delayMs: 150 }), minimumDeadlineMs: 5000 };
    const { report } = await run([slow, fakeTask('stuck', { ignoreSignal: true })], { timeoutMs: 50 });
    expect(report.checks[0]).toMatchObject({ id: 'powershell', status: 'ok' });
    expect(report.checks[1]).toMatchObject({ id: 'stuck', detail: 'interrupted: deadline' });
  });

  it('keeps the result of a check that gives up on its own at the deadline', async () => {
    const { report } = await run([fakeTask('slow', { delayMs: 10_000 })], { timeoutMs: 100 });
    expect(report.checks[0]).toMatchObject({ id: 'slow', detail: 'gave up on its own: TimeoutError' });
  });

  it('reports a check that throws, and still runs the others', async () => {
    const { report, events } = await run([
      fakeTask('a'),
      fakeTask('broken', { delayMs: 5, fails: 'socket exploded' }),
      fakeTask('sync', { throwsAtOnce: 'bad plan' }),
      fakeTask('d'),
    ]);
    expect(report.checks.map((c) => c.id)).toEqual(['a', 'broken', 'sync', 'd']);
    expect(report.checks[1]).toMatchObject({ id: 'broken', status: 'fail', detail: expect.stringContaining('socket exploded') });
    expect(report.checks[2]).toMatchObject({
      id: 'sync',
      status: 'fail',
      reason: 'internal-error',
      detail: expect.stringContaining('bad plan'),
    });
    expect(report.checks[3]?.status).toBe('ok');
    expect(resultOrder(events).sort()).toEqual(['a', 'broken', 'd', 'sync']);
    expect(report.summary).toEqual({ ok: 2, warn: 0, fail: 2, skipped: 0 });
  });

  it('on cancel, lets running checks stop and marks the rest cancelled without running them', async () => {
    const controller = new AbortController();
    let started = 0;
    // The user cancels once both slots are busy; the checks would take 10 s each (beyond the test's time-out).
    const cancelWhenBothRun = () => {
      if (++started === 2) setImmediate(() => controller.abort());
    };
    const tasks = Array.from({ length: 6 }, (_, i) => fakeTask(`t${i}`, { delayMs: 10_000, onStart: cancelWhenBothRun }));
    const { report, events } = await run(tasks, { concurrency: 2, signal: controller.signal });
    expect(report.cancelled).toBe(true);
    expect(report.checks.map((c) => c.id)).toEqual(tasks.map((t) => t.planned.id));
    expect(report.checks.every((c) => c.status === 'skipped' && c.reason === 'cancelled')).toBe(true);
    // The two that were running stopped on their own (and said it was a cancel, not a deadline)...
    expect(report.checks.slice(0, 2).map((c) => c.detail)).toEqual(['gave up on its own: AbortError', 'gave up on its own: AbortError']);
    // ...and the others never ran.
    expect(tasks.slice(2).every((t) => t.runs === 0)).toBe(true);
    expect(report.checks.slice(2).every((c) => c.detail === 'interrupted: cancelled')).toBe(true);
    expect(report.summary).toEqual({ ok: 0, warn: 0, fail: 0, skipped: 6 });
    // The four that never ran are announced like the others, so no listener sees a result it was not told had started.
    expectConsistentStream(events, tasks);
  });

  it('on cancel, steps in for a running check that ignores it', async () => {
    const controller = new AbortController();
    const stuck = fakeTask('stuck', { ignoreSignal: true });
    setTimeout(() => controller.abort(), 50);
    const { report } = await run([stuck, fakeTask('later', { delayMs: 10_000 })], { concurrency: 1, signal: controller.signal });
    expect(report.checks).toEqual([stuck.interrupted('cancelled'), expect.objectContaining({ id: 'later', reason: 'cancelled' })]);
    expect(report.cancelled).toBe(true);
  });

  it('runs nothing when cancelled before it starts', async () => {
    const tasks = [fakeTask('a'), fakeTask('b')];
    const { report, events } = await run(tasks, { signal: AbortSignal.abort() });
    expect(tasks.map((t) => t.runs)).toEqual([0, 0]);
    expect(report.checks).toEqual(tasks.map((t) => t.interrupted('cancelled')));
    expect(report.cancelled).toBe(true);
    expectConsistentStream(events, tasks);
  });

  it('counts the statuses and fills in the report', async () => {
    const statuses: CheckStatus[] = ['ok', 'warn', 'fail', 'ok', 'skipped', 'fail', 'fail'];
    const { report } = await run(statuses.map((status, i) => fakeTask(`t${i}`, { status })));
    expect(report.summary).toEqual({ ok: 2, warn: 1, fail: 3, skipped: 1 });
    expect(report.checks.map((c) => c.status)).toEqual(statuses);
    expect(report.schema).toBe(REPORT_SCHEMA);
    expect(report.catalog).toEqual(CATALOG);
    expect(report.cancelled).toBe(false);
    expect(report.durationMs).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(Date.parse(report.startedAt))).toBe(false);
    expect(report.platform).toEqual({ os: process.platform, release: expect.any(String), arch: process.arch });
  });

  it('finishes an empty run', async () => {
    const { report, events } = await run([]);
    expect(report.checks).toEqual([]);
    expect(report.summary).toEqual({ ok: 0, warn: 0, fail: 0, skipped: 0 });
    expect(events.map((e) => e.type)).toEqual(['run-started', 'run-finished']);
  });

  it('makes up a run id when none is given', async () => {
    const events: RunEvent[] = [];
    await runChecks([fakeTask('a')], { timeoutMs: 1000, concurrency: 1, catalog: CATALOG }, (e) => events.push(e));
    const ids = new Set(events.map((e) => e.runId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
