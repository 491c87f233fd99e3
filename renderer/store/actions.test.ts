import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../test-api';
import { plannedServer, started } from '../test-fixtures';
import { createActions } from './actions';
import { createAppStore } from './store';

describe('actions', () => {
  it('asks for both groups, records the run id, and passes events of that run to the store', async () => {
    const store = createAppStore();
    const api = fakeApi();
    const actions = createActions(store, api);
    const disconnect = actions.connect();
    await actions.startRun();
    expect(api.startCheck).toHaveBeenCalledWith({ groups: ['network', 'system'] });
    api.push(started([plannedServer('gs.apple.com')]));
    expect(store.getState().run).toMatchObject({ phase: 'running', runId: 'run-1' });
    await vi.waitFor(() => expect(store.getState().app.status).toBe('ready'));
    disconnect();
    api.push({ type: 'check-started', runId: 'run-1', checkId: 'server:gs.apple.com:443' });
    expect(store.getState().run.inFlight).toEqual({});
  });

  it('does not start twice, cancels by run id, and reports a refusal or a failure in words', async () => {
    const store = createAppStore();
    const api = fakeApi({ startCheck: vi.fn(() => Promise.resolve({ ok: false as const, why: 'busy' as const, message: 'Busy.' })) });
    const actions = createActions(store, api);
    await actions.startRun();
    expect(store.getState().run).toMatchObject({ phase: 'start-failed', error: 'Busy.' });

    const okStore = createAppStore();
    const okApi = fakeApi();
    const ok = createActions(okStore, okApi);
    ok.connect();
    const first = ok.startRun();
    await ok.startRun();
    await first;
    expect(okApi.startCheck).toHaveBeenCalledOnce();
    okApi.push(started([plannedServer('gs.apple.com')]));
    await ok.cancelRun();
    expect(okApi.cancelCheck).toHaveBeenCalledWith('run-1');
    expect(okStore.getState().run.phase).toBe('cancelling');
  });

  it('says so when the start call itself fails', async () => {
    const store = createAppStore();
    await createActions(store, fakeApi({ startCheck: () => Promise.reject(new Error('IPC gone')) })).startRun();
    expect(store.getState().run.error).toBe('The check could not start: IPC gone');
  });
});
