import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../test-api';
import { APP_INFO, plannedServer, started } from '../test-fixtures';
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

  it('shows the catalog of the run once it has started: main read it again for that run', async () => {
    const store = createAppStore();
    const editedCatalog = { ...APP_INFO.catalog, version: 'edited', ports: APP_INFO.catalog.ports.slice(0, 1) };
    const appInfo = vi
      .fn()
      .mockResolvedValueOnce(APP_INFO)
      .mockResolvedValueOnce({ ...APP_INFO, catalog: editedCatalog });
    const actions = createActions(store, fakeApi({ appInfo }));
    actions.connect();
    await vi.waitFor(() =>
      expect(store.getState().app).toMatchObject({ status: 'ready', info: { catalog: { version: APP_INFO.catalog.version } } }),
    );
    await actions.startRun();
    await vi.waitFor(() => expect(store.getState().app).toMatchObject({ status: 'ready', info: { catalog: editedCatalog } }));
    expect(appInfo).toHaveBeenCalledTimes(2);
  });

  it('keeps the details it shows when asking again after a start fails', async () => {
    const store = createAppStore();
    const appInfo = vi.fn().mockResolvedValueOnce(APP_INFO).mockRejectedValueOnce(new Error('IPC gone'));
    const actions = createActions(store, fakeApi({ appInfo }));
    actions.connect();
    await vi.waitFor(() => expect(store.getState().app.status).toBe('ready'));
    await actions.startRun();
    await vi.waitFor(() => expect(appInfo).toHaveBeenCalledTimes(2));
    await Promise.resolve();
    expect(store.getState().app).toEqual({ status: 'ready', info: APP_INFO });
  });

  it('says so when the start call itself fails', async () => {
    const store = createAppStore();
    await createActions(store, fakeApi({ startCheck: () => Promise.reject(new Error('IPC gone')) })).startRun();
    expect(store.getState().run.error).toBe('The check could not start: IPC gone');
  });
});
