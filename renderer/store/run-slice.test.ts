import { describe, expect, it } from 'vitest';
import { finished, plannedServer, result, RUN, serverResult, started, wholeRun } from '../test-fixtures';
import { createAppStore } from './store';
import { initialRunState, reduceRunEvent, type RunState } from './run-slice';

const a = plannedServer('a.apple.com');
const b = plannedServer('b.apple.com');

function running(): RunState {
  return reduceRunEvent({ ...initialRunState, phase: 'starting' }, started([a, b]));
}

describe('reduceRunEvent', () => {
  it('adopts the run id of run-started while starting, even before startCheck answered', () => {
    const state = running();
    expect(state.phase).toBe('running');
    expect(state.runId).toBe(RUN);
    expect(state.planned.map((p) => p.id)).toEqual([a.id, b.id]);
  });

  it('ignores a run-started of another run once one is going, and events of another run', () => {
    const state = running();
    expect(reduceRunEvent(state, started([b], 'other'))).toBe(state);
    expect(reduceRunEvent(state, result(serverResult(a), 'other'))).toBe(state);
    expect(reduceRunEvent(initialRunState, started([a]))).toBe(initialRunState);
  });

  it('counts results as they arrive and replaces a repeated one instead of counting it twice', () => {
    let state = reduceRunEvent(running(), { type: 'check-started', runId: RUN, checkId: a.id });
    expect(state.inFlight[a.id]).toBe(true);
    state = reduceRunEvent(state, result(serverResult(a, { status: 'fail', reason: 'tcp-timeout' })));
    expect(state.inFlight[a.id]).toBeUndefined();
    expect(state.done).toBe(1);
    expect(state.counts).toEqual({ ok: 0, warn: 0, fail: 1, skipped: 0 });
    state = reduceRunEvent(state, result(serverResult(a)));
    expect(state.done).toBe(1);
    expect(state.counts).toEqual({ ok: 1, warn: 0, fail: 0, skipped: 0 });
    expect(state.slowestMs).toBe(50);
  });

  it('ends as finished or cancelled from run-finished, keeping the results that streamed in as the results', () => {
    const results = [serverResult(a), serverResult(b, { status: 'warn', reason: 'http-error' })];
    const streamed = results.reduce((state, check) => reduceRunEvent(state, result(check)), running());
    const done = reduceRunEvent(streamed, finished(results));
    expect(done.phase).toBe('finished');
    expect(done.results).toBe(streamed.results);
    expect(done.counts).toEqual({ ok: 1, warn: 1, fail: 0, skipped: 0 });
    expect(done.done).toBe(2);
    expect(done.slowestMs).toBe(streamed.slowestMs);

    const cancelledA = serverResult(a, { status: 'skipped', reason: 'cancelled' });
    const cancelled = reduceRunEvent(reduceRunEvent(running(), result(cancelledA)), finished([cancelledA], true));
    expect(cancelled.phase).toBe('cancelled');
    expect(cancelled.results).toEqual({ [a.id]: cancelledA });
  });

  it('takes from run-finished how the run ended and its findings: its header carries no results to rebuild from', () => {
    const inFlight = reduceRunEvent(running(), { type: 'check-started', runId: RUN, checkId: a.id });
    const event = finished([serverResult(a, { status: 'fail', reason: 'tls-intercepted' })]);
    const findings = event.type === 'run-finished' ? event.header.findings : undefined;
    expect(findings?.map((finding) => finding.id)).toEqual(['https-inspection']);
    const done = reduceRunEvent(inFlight, event);
    expect(done).toEqual({ ...inFlight, phase: 'finished', inFlight: {}, findings });
    expect(done.results).toEqual({});
  });
});

describe('the run slice', () => {
  it('keeps the last plan as the layout while a new run starts, and confirms the id once', () => {
    const store = createAppStore();
    store.getState().runStarting();
    for (const event of wholeRun([a, b], [serverResult(a), serverResult(b)])) store.getState().runEvent(event);
    store.getState().runStarting();
    expect(store.getState().run.phase).toBe('starting');
    expect(store.getState().run.planned).toHaveLength(2);
    expect(store.getState().run.results).toEqual({});
    store.getState().runStartConfirmed('run-2');
    store.getState().runStartConfirmed('run-3');
    expect(store.getState().run.runId).toBe('run-2');
  });

  it('records why a run could not start, and only a running run can move to cancelling', () => {
    const store = createAppStore();
    store.getState().runCancelling();
    expect(store.getState().run.phase).toBe('idle');
    store.getState().runStarting();
    store.getState().runStartFailed('A check is already running.');
    expect(store.getState().run).toMatchObject({ phase: 'start-failed', error: 'A check is already running.' });
  });
});
