import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from './api';
import { exposeSyncDoctor } from './expose';
import { rendererTransport, type RendererIpc } from './ipc-renderer';
import { APP_LINKS } from '../../app/links';

type Listener = (event: unknown, payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
const answers = new Map<string, unknown>();
/** Stands in for Electron's ipcRenderer: main's answers are set per channel, events emitted by the test. */
const ipc: RendererIpc = {
  invoke: vi.fn((channel: string) => Promise.resolve(answers.get(channel))),
  on: (channel, listener) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)?.add(listener);
  },
  removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
};
const { invoke, subscribe } = rendererTransport(ipc);

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
    await api.listFixes('r1');
    // Only the ids travel: anything else the page adds to a request is dropped here.
    const request = { runId: 'r1', findingId: 'hosts-file-redirect', fixId: 'remove-hosts-redirects', argv: ['/bin/sh'] } as const;
    await api.previewFix(request);
    await api.applyFix(request);
    await api.rerunChecks({ runId: 'r1', checkIds: ['hosts:apple'] });
    api.onRunEvent(() => undefined);
    const fix = { runId: 'r1', findingId: 'hosts-file-redirect', fixId: 'remove-hosts-redirects' };
    expect(calls).toEqual([
      ['check:start', { groups: ['network', 'system'] }],
      ['check:cancel', { runId: 'r1' }],
      ['app:info', null],
      ['link:open', { url: APP_LINKS.restoreErrors }],
      ['fix:list', { runId: 'r1' }],
      ['fix:preview', fix],
      ['fix:apply', fix],
      ['check:rerun', { runId: 'r1', checkIds: ['hosts:apple'] }],
      ['check:event', 'subscribe'],
    ]);
    expect(Object.keys(api).sort()).toEqual([
      'appInfo',
      'applyFix',
      'cancelCheck',
      'copyReportForForum',
      'listFixes',
      'onRunEvent',
      'openLink',
      'previewFix',
      'previewReport',
      'rerunChecks',
      'saveReport',
      'startCheck',
    ]);
  });
});

describe('exposeSyncDoctor', () => {
  it('puts one frozen object with the named API on the bridge, under syncDoctor', async () => {
    const exposed = new Map<string, unknown>();
    exposeSyncDoctor({ exposeInMainWorld: (key, api) => exposed.set(key, api) }, ipc);
    expect([...exposed.keys()]).toEqual(['syncDoctor']);
    const api = exposed.get('syncDoctor') as ReturnType<typeof createApi>;
    expect(Object.isFrozen(api)).toBe(true);
    answers.set('check:cancel', { cancelled: true });
    await expect(api.cancelCheck('r1')).resolves.toEqual({ cancelled: true });
    expect(ipc.invoke).toHaveBeenLastCalledWith('check:cancel', { runId: 'r1' });
  });
});
