import { describe, expect, it, vi } from 'vitest';
import { builtinCatalog } from '../../app/catalog/builtin';
import type { Report, RunEvent } from '../../app/contract/check';
import type { AppInfo, InvokeChannel } from '../../app/ipc/contract';
import { requestSchemas } from '../../app/ipc/schemas';
import { InvokeBus } from '../../test-support/invoke-bus';
import type { EngineOptions } from '../engine/engine';
import { FixSession } from '../fixes/fix-session';
import { ReportService } from './report-service';
import { fakeSystem, fixEnvironment } from '../fixes/fixtures/fake-system';
import { systemCheck } from '../fixes/fixtures/findings';
import { registerHandlers } from './handlers';
import type { InvokeEvent } from './ipc-main';
import { RunService } from './run-service';

const PAGE = 'app://sync-doctor/index.html';
interface Contents {
  window: string;
}
const ours: Contents = { window: 'main' };
const stranger: Contents = { window: 'another' };

const INFO = { name: 'Sync Doctor', version: '1.2.3' } as AppInfo;

/** An engine that starts a run and holds it until the run is cancelled: the run service is real. */
function holdingEngine(options: EngineOptions, emit: (event: RunEvent) => void): Promise<Report> {
  emit({ type: 'run-started', runId: options.runId ?? '', startedAt: new Date().toISOString(), planned: [] });
  return new Promise((resolve) => options.signal?.addEventListener('abort', () => resolve({ cancelled: true } as Report), { once: true }));
}

function mainProcess() {
  const bus = new InvokeBus<Contents>();
  const refusals: string[] = [];
  const runEngine = vi.fn(holdingEngine);
  const runs = new RunService({
    loadCatalog: () => Promise.resolve({ catalog: builtinCatalog(), source: 'built-in' }),
    runEngine,
    emit: () => undefined,
    timeoutMs: 1000,
    concurrency: 2,
    newRunId: () => 'run-1',
  });
  // A real fix session over a stand-in system: the handlers' job is only to route to it.
  const system = fakeSystem({});
  const fixes = new FixSession({
    environment: (checks) => fixEnvironment('mac', system.run, { checks }),
    isElevated: () => Promise.resolve(true),
    rerun: (ids) => Promise.resolve(ids.map((id) => systemCheck(id, 'ok'))),
  });
  // A real report service with no finished run behind it: routing is what is under test here.
  const reports = new ReportService({
    finishedReport: () => undefined,
    gatherPersonal: () => Promise.reject(new Error('no run, so nothing is gathered')),
    catalog: () => Promise.resolve(builtinCatalog()),
    appVersion: '1.2.3',
    chooseSavePath: () => Promise.resolve(undefined),
    writeFile: () => Promise.reject(new Error('no run, so nothing is written')),
    writeClipboard: () => undefined,
    printToPdf: () => Promise.reject(new Error('no run, so nothing is printed')),
    paper: 'A4',
    log: () => undefined,
  });
  const reportCalls = [vi.spyOn(reports, 'preview'), vi.spyOn(reports, 'save'), vi.spyOn(reports, 'copy')];
  const deps = {
    runs,
    reports,
    appInfo: vi.fn(() => Promise.resolve(INFO)),
    openLink: vi.fn((url: string) => Promise.resolve(url.startsWith('https://'))),
    fixes,
  };
  const start = vi.spyOn(runs, 'start');
  const cancel = vi.spyOn(runs, 'cancel');
  const fixCalls = [vi.spyOn(fixes, 'list'), vi.spyOn(fixes, 'preview'), vi.spyOn(fixes, 'apply'), vi.spyOn(fixes, 'rerun')];
  const dispose = registerHandlers(
    bus,
    {
      trustedPage: { kind: 'app-scheme', url: PAGE },
      isKnownWindow: (sender) => sender === ours,
      log: (message) => refusals.push(message),
    },
    deps,
  );
  const send = (channel: InvokeChannel, payload: unknown, event: InvokeEvent<Contents> = fromOurPage) =>
    bus.invoke(channel, payload, event);
  /** Whether any of main's operations ran. */
  const touched = () =>
    start.mock.calls.length +
    cancel.mock.calls.length +
    deps.appInfo.mock.calls.length +
    deps.openLink.mock.calls.length +
    fixCalls.reduce((sum, spy) => sum + spy.mock.calls.length, 0) +
    reportCalls.reduce((sum, spy) => sum + spy.mock.calls.length, 0) +
    system.calls.length;
  return { bus, runs, runEngine, deps, refusals, dispose, send, touched, fixCalls, reportCalls };
}

const fromOurPage: InvokeEvent<Contents> = { sender: ours, senderFrame: { url: PAGE, parent: null } };

/** One request each channel accepts. */
const VALID: { [C in InvokeChannel]: unknown } = {
  'check:start': { groups: ['network'] },
  'check:cancel': { runId: 'run-1' },
  'app:info': null,
  'link:open': { url: 'https://support.apple.com/HT210060' },
  'fix:list': { runId: 'run-1' },
  'fix:preview': { runId: 'run-1', findingId: 'dns-filter', fixId: 'flush-dns' },
  'fix:apply': { runId: 'run-1', findingId: 'dns-filter', fixId: 'flush-dns' },
  'check:rerun': { runId: 'run-1', checkIds: ['hosts:apple'] },
  'report:preview': { runId: 'run-1', format: 'md', includePersonal: false },
  'report:save': { runId: 'run-1', format: 'pdf', includePersonal: false },
  'report:copy': { runId: 'run-1', includePersonal: true, errorCode: '3194' },
};
const CHANNELS = Object.keys(VALID) as InvokeChannel[];

describe('registerHandlers', () => {
  it('handles every invoke channel of the contract, and removes them all when disposed', () => {
    const main = mainProcess();
    expect(main.bus.channels()).toEqual(Object.keys(requestSchemas).sort());
    main.dispose();
    expect(main.bus.channels()).toEqual([]);
  });

  it('check:start starts a run of the groups asked for and answers with its id', async () => {
    const main = mainProcess();
    await expect(main.send('check:start', { groups: ['network', 'system'] })).resolves.toEqual({ ok: true, runId: 'run-1' });
    expect(main.runs.runningId).toBe('run-1');
    expect(main.runEngine.mock.calls[0]?.[0]).toMatchObject({ runId: 'run-1', groups: ['network', 'system'] });
    await expect(main.send('check:start', { groups: ['network'] })).resolves.toMatchObject({ ok: false, why: 'busy' });
    await main.runs.stopAll();
  });

  it('check:cancel cancels the run it names, and only that one', async () => {
    const main = mainProcess();
    await main.send('check:start', { groups: ['network'] });
    await expect(main.send('check:cancel', { runId: 'run-2' })).resolves.toEqual({ cancelled: false });
    expect(main.runs.runningId).toBe('run-1');
    await expect(main.send('check:cancel', { runId: 'run-1' })).resolves.toEqual({ cancelled: true });
    await vi.waitFor(() => expect(main.runs.runningId).toBeUndefined());
  });

  it('app:info answers with what main knows about the app and its catalog', async () => {
    const main = mainProcess();
    await expect(main.send('app:info', null)).resolves.toEqual(INFO);
    expect(main.deps.appInfo).toHaveBeenCalledOnce();
  });

  it('link:open passes the URL on and says whether it was opened', async () => {
    const main = mainProcess();
    await expect(main.send('link:open', { url: 'https://support.apple.com/HT210060' })).resolves.toEqual({ opened: true });
    // Only the app's own links pass the schema: any other URL is refused before main opens anything.
    await expect(main.send('link:open', { url: 'http://example.com/' })).rejects.toThrow('Invalid request');
    expect(main.deps.openLink.mock.calls).toEqual([['https://support.apple.com/HT210060']]);
  });

  it.each([
    ['fix:list', 0],
    ['fix:preview', 1],
    ['fix:apply', 2],
    ['check:rerun', 3],
  ] as const)('%s reaches the fix session with the request, and main answers (here: no finished run to fix)', async (channel, index) => {
    const main = mainProcess();
    await expect(main.send(channel, VALID[channel])).resolves.toMatchObject({ ok: false, why: 'no-run' });
    expect(main.fixCalls[index]!.mock.calls).toHaveLength(1);
    main.fixCalls.forEach((spy, other) => other !== index && expect(spy).not.toHaveBeenCalled());
  });

  it('report:preview, report:save and report:copy reach the report service, which has no finished run to report on', async () => {
    const main = mainProcess();
    await expect(main.send('report:preview', VALID['report:preview'])).resolves.toMatchObject({ ok: false, why: 'no-report' });
    await expect(main.send('report:save', VALID['report:save'])).resolves.toMatchObject({ outcome: 'failed', why: 'no-report' });
    await expect(main.send('report:copy', VALID['report:copy'])).resolves.toMatchObject({ outcome: 'failed', why: 'no-report' });
    expect(main.reportCalls.map((spy) => spy.mock.calls.length)).toEqual([1, 1, 1]);
    expect(main.reportCalls[1]!.mock.calls[0]![0]).toEqual(VALID['report:save']);
  });

  it.each([
    ['check:start', { groups: [] }],
    ['check:start', { groups: ['everything'] }],
    ['check:start', { groups: ['network'], extra: 1 }],
    ['check:cancel', { runId: 7 }],
    ['check:cancel', {}],
    ['app:info', {}],
    ['link:open', { url: 42 }],
    ['link:open', { url: `https://example.com/${'a'.repeat(3000)}` }],
    ['fix:apply', { runId: 'run-1', findingId: 'dns-filter', fixId: 'flush-dns', argv: ['/bin/sh'] }],
    ['fix:preview', { runId: 'run-1', findingId: 'dns-filter', fixId: 'rm -rf' }],
    ['report:save', { runId: 'run-1', format: 'exe', includePersonal: false }],
    ['report:copy', { runId: 'run-1', includePersonal: false, path: '/etc/passwd' }],
  ] as const)('%s refuses the payload %j before anything runs', async (channel, payload) => {
    const main = mainProcess();
    await expect(main.send(channel, payload)).rejects.toThrow('Invalid request');
    expect(main.touched()).toBe(0);
    expect(main.refusals).toEqual([expect.stringMatching(new RegExp(`^refused ${channel}: invalid payload`))]);
  });

  const strangers: [string, InvokeEvent<Contents>, string][] = [
    ['another window', { sender: stranger, senderFrame: { url: PAGE, parent: null } }, 'not one of our windows'],
    ['a sub-frame of our page', { sender: ours, senderFrame: { url: PAGE, parent: { url: PAGE } } }, 'not the main frame'],
    ['a frame that is gone', { sender: ours, senderFrame: null }, 'the sending frame is gone'],
    ['a page it navigated to', { sender: ours, senderFrame: { url: 'https://evil.example/', parent: null } }, 'unexpected page'],
  ];
  describe.each(CHANNELS)('%s', (channel) => {
    it.each(strangers)('refuses a valid request from %s before anything runs', async (_who, event, why) => {
      const main = mainProcess();
      await expect(main.send(channel, VALID[channel], event)).rejects.toThrow(`Refused: ${why}`);
      expect(main.touched()).toBe(0);
      expect(main.refusals).toEqual([expect.stringContaining(`refused ${channel}: ${why}`)]);
    });
  });
});
