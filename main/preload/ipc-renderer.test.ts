import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_LINKS } from '../../app/links';

type Listener = (event: unknown, payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
const answers = new Map<string, unknown>();
vi.mock('electron', () => ({
  ipcRenderer: {
    invoke: vi.fn((channel: string) => Promise.resolve(answers.get(channel))),
    on: (channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener: (channel: string, listener: Listener) => listeners.get(channel)?.delete(listener),
  },
}));

const { invoke, subscribe } = await import('./ipc-renderer');
const { createApi } = await import('./api');

const emit = (payload: unknown) => listeners.get('check:event')?.forEach((listener) => listener({}, payload));

describe('the preload transport', () => {
  beforeEach(() => {
    listeners.clear();
    answers.clear();
  });

  it('passes on answers that match the contract and rejects those that do not', async () => {
    answers.set('check:start', { ok: true, runId: 'r1' });
    await expect(invoke('check:start', { groups: ['network'] })).resolves.toEqual({ ok: true, runId: 'r1' });
    answers.set('check:start', { ok: 'yes' });
    await expect(invoke('check:start', { groups: ['network'] })).rejects.toThrow('Unexpected answer on check:start');
  });

  it('delivers valid events, drops malformed ones, and stops after unsubscribing', () => {
    const seen: unknown[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const unsubscribe = subscribe('check:event', (event) => seen.push(event));
    emit({ type: 'check-started', runId: 'r1', checkId: 'server:gs.apple.com:443' });
    emit({ type: 'check-started', runId: 'r1' });
    emit({ type: 'something-else', runId: 'r1' });
    expect(seen).toEqual([{ type: 'check-started', runId: 'r1', checkId: 'server:gs.apple.com:443' }]);
    expect(error).toHaveBeenCalledTimes(2);
    unsubscribe();
    emit({ type: 'check-started', runId: 'r1', checkId: 'x' });
    expect(seen).toHaveLength(1);
  });
});

describe('createApi', () => {
  it('maps each named function to its one channel', async () => {
    const calls: [string, unknown][] = [];
    const api = createApi({
      invoke: (channel, request) => {
        calls.push([channel, request]);
        return Promise.resolve(undefined as never);
      },
      subscribe: (channel) => {
        calls.push([channel, 'subscribe']);
        return () => undefined;
      },
    });
    await api.startCheck({ groups: ['network', 'system'] });
    await api.cancelCheck('r1');
    await api.appInfo();
    await api.openLink(APP_LINKS.restoreErrors);
    api.onRunEvent(() => undefined);
    expect(calls).toEqual([
      ['check:start', { groups: ['network', 'system'] }],
      ['check:cancel', { runId: 'r1' }],
      ['app:info', null],
      ['link:open', { url: APP_LINKS.restoreErrors }],
      ['check:event', 'subscribe'],
    ]);
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'cancelCheck', 'onRunEvent', 'openLink', 'startCheck']);
  });
});
