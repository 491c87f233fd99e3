import { describe, expect, it, vi } from 'vitest';
import type { Report, RunEvent } from '../../app/contract/check';
import { builtinCatalog } from '../../app/catalog/builtin';
import { diagnose } from '../../app/diagnosis/diagnose';
import type { Catalog } from '../../app/catalog/schema';
import { runEngine, type EngineOptions } from '../engine/engine';
import { RunService } from './run-service';

/** An engine that emits run-started, then waits for the test (or the abort) to finish it. */
function controllableEngine() {
  const runs: { options: EngineOptions; finish(): void }[] = [];
  const runEngine = vi.fn((options: EngineOptions, emit: (event: RunEvent) => void) => {
    emit({ type: 'run-started', runId: options.runId ?? '', startedAt: 'now', planned: [] });
    return new Promise<Report>((resolve) => {
      const finish = () => {
        const report = { cancelled: options.signal?.aborted ?? false } as Report;
        emit({ type: 'run-finished', runId: options.runId ?? '', header: report });
        resolve(report);
      };
      options.signal?.addEventListener('abort', finish, { once: true });
      runs.push({ options, finish });
    });
  });
  return { runEngine, runs };
}

function service(engine = controllableEngine()) {
  const events: RunEvent[] = [];
  let n = 0;
  const runs = new RunService({
    loadCatalog: () => Promise.resolve({ catalog: builtinCatalog(), source: 'built-in' }),
    runEngine: engine.runEngine,
    emit: (event) => events.push(event),
    timeoutMs: 1000,
    concurrency: 4,
    extraIssuers: ['Test CA'],
    newRunId: () => `run-${++n}`,
  });
  return { runs, events, engine };
}

/** A catalog whose one server is reported, not probed: the real engine runs it without any traffic. */
const offlineCatalog: Catalog = {
  schema: 'sync-doctor/catalog@1',
  version: 'offline',
  updated: '2026-01-01',
  source: 'test',
  servers: [{ id: 'offline', pattern: 'offline.invalid', purpose: 'a row', ports: [443], untestable: 'not probed in this test' }],
  ports: [],
};

describe('RunService', () => {
  it('gives each run a fresh id, and every event the real engine sends for it carries that id', async () => {
    const events: RunEvent[] = [];
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const runs = new RunService({
      loadCatalog: () => Promise.resolve({ catalog: offlineCatalog, source: 'offline.json' }),
      runEngine,
      emit: (event) => {
        events.push(event);
        if (event.type === 'run-finished') finished();
      },
      timeoutMs: 1000,
      concurrency: 2,
    });
    const started = await runs.start(['network']);
    if (!started.ok) throw new Error(started.message);
    await done;
    expect(started.runId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(events.map((e) => e.type)).toEqual(['run-started', 'check-started', 'check-result', 'run-finished']);
    expect(new Set(events.map((e) => e.runId))).toEqual(new Set([started.runId]));
    const last = events.at(-1);
    if (last?.type !== 'run-finished') throw new Error('the run did not finish');
    expect(last.header.catalog.source).toBe('offline.json');
    // Each result is sent once, in its check-result; run-finished carries the header and the run's findings.
    const results = events.flatMap((e) => (e.type === 'check-result' ? [e.result] : []));
    expect(results.map((c) => c.id)).toEqual(['server:offline.invalid']);
    expect('checks' in last.header).toBe(false);
    expect(last.header.findings).toEqual(diagnose(results));

    await vi.waitFor(() => expect(runs.runningId).toBeUndefined());
    const again = await runs.start(['network']);
    expect(again).toMatchObject({ ok: true });
    expect(again.ok && again.runId).not.toBe(started.runId);
    await runs.stopAll();
  });

  it('hands the engine the run id, its signal and the run settings', async () => {
    const { runs, engine } = service();
    expect(await runs.start(['network'])).toEqual({ ok: true, runId: 'run-1' });
    expect(engine.runs[0]?.options).toMatchObject({ runId: 'run-1', groups: ['network'], timeoutMs: 1000, extraIssuers: ['Test CA'] });
    expect(engine.runs[0]?.options.signal?.aborted).toBe(false);
    await runs.stopAll();
  });

  it('refuses a second run while one is going', async () => {
    const { runs } = service();
    await runs.start(['network']);
    expect(await runs.start(['network'])).toMatchObject({ ok: false, why: 'busy' });
  });

  it('cancels only the run it is asked to, once', async () => {
    const { runs, events } = service();
    await runs.start(['network']);
    expect(runs.cancel('run-9')).toEqual({ cancelled: false });
    expect(runs.cancel('run-1')).toEqual({ cancelled: true });
    expect(runs.cancel('run-1')).toEqual({ cancelled: false });
    await vi.waitFor(() => expect(events.at(-1)).toMatchObject({ type: 'run-finished', header: { cancelled: true } }));
  });

  it('lets a new run begin right after a cancel, once the old one has wound down', async () => {
    const { runs, engine } = service();
    await runs.start(['network']);
    runs.cancel('run-1');
    expect(await runs.start(['network', 'system'])).toEqual({ ok: true, runId: 'run-2' });
    expect(engine.runEngine).toHaveBeenCalledTimes(2);
  });

  it('stops the run when the window goes away', async () => {
    const { runs, engine } = service();
    await runs.start(['network']);
    await runs.stopAll();
    expect(engine.runs[0]?.options.signal?.aborted).toBe(true);
    expect(runs.runningId).toBeUndefined();
  });

  it('gives app info the catalog the last run read, reading it once before the first run and once per run', async () => {
    const engine = controllableEngine();
    let reads = 0;
    const loadCatalog = vi.fn(() => Promise.resolve({ catalog: { ...builtinCatalog(), version: `read-${++reads}` }, source: 'built-in' }));
    const runs = new RunService({ loadCatalog, runEngine: engine.runEngine, emit: () => undefined, timeoutMs: 1000, concurrency: 4 });
    expect((await runs.catalog()).catalog.version).toBe('read-1');
    expect((await runs.catalog()).catalog.version).toBe('read-1');
    await runs.start(['network']);
    const shown = await runs.catalog();
    expect(shown.catalog.version).toBe('read-2');
    // The very object the run was given, not a second read that could differ from it.
    expect(engine.runs[0]?.options.catalog).toBe(shown.catalog);
    expect(loadCatalog).toHaveBeenCalledTimes(2);
  });

  it('tries the catalog again for app info after a read that failed', async () => {
    const loadCatalog = vi
      .fn()
      .mockRejectedValueOnce(new Error('disk busy'))
      .mockResolvedValueOnce({ catalog: builtinCatalog(), source: 'built-in' });
    const runs = new RunService({
      loadCatalog,
      runEngine: controllableEngine().runEngine,
      emit: () => undefined,
      timeoutMs: 1,
      concurrency: 1,
    });
    await expect(runs.catalog()).rejects.toThrow('disk busy');
    await expect(runs.catalog()).resolves.toMatchObject({ source: 'built-in' });
  });

  it('answers with the reason when the catalog cannot be loaded', async () => {
    const runs = new RunService({
      loadCatalog: () => Promise.reject(new Error('disk on fire')),
      runEngine: controllableEngine().runEngine,
      emit: () => undefined,
      timeoutMs: 1,
      concurrency: 1,
    });
    expect(await runs.start(['network'])).toEqual({ ok: false, why: 'internal', message: 'The check could not start: disk on fire' });
    expect(runs.runningId).toBeUndefined();
  });
});
