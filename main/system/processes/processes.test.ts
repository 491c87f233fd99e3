import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinCatalog } from '../../../app/catalog/builtin';
import type { SystemCheck } from '../../../app/contract/check';
import { startNamedProcess, type NamedProcess } from '../../../test-support/named-process';
import { listProcesses, normalizeProcesses, sharedProcessList } from './list';
import { findProcesses } from './match';
import { judgeProcess, processTasks } from './tasks';

const catalog = builtinCatalog();
const signal = () => AbortSignal.timeout(10_000);

describe('process list (real, on this machine)', () => {
  let service: NamedProcess;
  let agent: NamedProcess;
  beforeAll(async () => {
    service = await startNamedProcess('AppleMobileDeviceService.exe');
    agent = await startNamedProcess('AMPDeviceDiscoveryAgent');
  });
  afterAll(async () => {
    await service.stop();
    await agent.stop();
  });

  it('finds a process by its full executable name (longer than the 15-character comm)', async () => {
    const list = await listProcesses(signal());
    if (list.kind !== 'listed') throw new Error(list.kind);
    const found = findProcesses(list.processes, ['applemobiledeviceservice.EXE']);
    expect(found).toEqual([{ pid: service.pid, name: 'AppleMobileDeviceService.exe', path: service.path }]);
  });

  it('reports the Windows helpers present and missing, with pid and path', async () => {
    const tasks = processTasks(catalog.processes ?? [], 'windows', sharedProcessList());
    const results = (await Promise.all(tasks.map((task) => task.run(signal())))) as SystemCheck[];
    const byId = new Map(results.map((result) => [result.id, result]));
    expect(byId.get('process:mobile-device-service')).toMatchObject({
      kind: 'process',
      group: 'system',
      status: 'ok',
      facts: { pid: service.pid, path: service.path, name: 'AppleMobileDeviceService.exe' },
    });
    expect(byId.get('process:mobile-device-helper')).toMatchObject({ status: 'fail', reason: 'process-missing', facts: { pid: null } });
    expect(byId.get('process:mobile-sync')).toMatchObject({ status: 'warn', reason: 'process-missing' });
    expect(byId.get('process:outlook-sync')).toMatchObject({ status: 'ok', reason: 'process-optional-missing' });
    expect(byId.has('process:usbmuxd')).toBe(false);
  });

  it('reports the macOS helpers, on demand ones as warnings', async () => {
    const tasks = processTasks(catalog.processes ?? [], 'mac', sharedProcessList());
    const results = (await Promise.all(tasks.map((task) => task.run(signal())))) as SystemCheck[];
    const byId = new Map(results.map((result) => [result.id, result]));
    expect(byId.get('process:amp-discovery-agent')).toMatchObject({ status: 'ok', facts: { pid: agent.pid } });
    expect(byId.get('process:usbmuxd')).toMatchObject({ status: 'warn', reason: 'process-missing' });
    expect(byId.has('process:mobile-device-service')).toBe(false);
  });

  it('says "not applicable" on Linux, where no Apple helper exists', async () => {
    const [task, ...rest] = processTasks(catalog.processes ?? [], 'linux', sharedProcessList());
    expect(rest).toEqual([]);
    expect(await task!.run(signal())).toMatchObject({ status: 'skipped', reason: 'not-applicable' });
  });
});

describe('process matching (pure)', () => {
  it('takes the basename of Windows and POSIX paths, and names when there is no path', () => {
    expect(
      normalizeProcesses([
        { pid: 4, name: 'System' },
        { pid: 10, name: 'x', path: 'C:\\Program Files\\Common Files\\Apple\\Mobile Device Support\\AppleMobileDeviceService.exe' },
        {
          pid: 11,
          name: 'AMPDevicesAg',
          path: '/System/Library/PrivateFrameworks/AMPDevices.framework/Versions/A/Support/AMPDevicesAgent',
        },
        { pid: 12, name: 'mDNSResponder.exe', path: '' },
      ]),
    ).toEqual([
      { pid: 4, name: 'System', path: null },
      {
        pid: 10,
        name: 'AppleMobileDeviceService.exe',
        path: 'C:\\Program Files\\Common Files\\Apple\\Mobile Device Support\\AppleMobileDeviceService.exe',
      },
      {
        pid: 11,
        name: 'AMPDevicesAgent',
        path: '/System/Library/PrivateFrameworks/AMPDevices.framework/Versions/A/Support/AMPDevicesAgent',
      },
      { pid: 12, name: 'mDNSResponder.exe', path: null },
    ]);
  });

  it('matches either variant of the device service', () => {
    const processes = normalizeProcesses([{ pid: 7, name: 'AppleMobileDeviceProcess.exe' }]);
    const entry = catalog.processes!.find((e) => e.id === 'mobile-device-service')!;
    expect(judgeProcess(entry, entry.windows!, 'windows', { kind: 'listed', processes })).toMatchObject({
      status: 'ok',
      facts: { pid: 7 },
    });
  });

  it('reports a process list that cannot be read instead of throwing', () => {
    const entry = catalog.processes![0]!;
    expect(judgeProcess(entry, ['a'], 'windows', { kind: 'cannot-run', why: 'ps is missing' })).toMatchObject({
      status: 'skipped',
      reason: 'cannot-run',
      detail: 'Cannot run here: ps is missing.',
    });
  });

  it('never throws on odd process names and paths (property)', () => {
    const row = fc.record({ pid: fc.integer({ min: -5, max: 1e6 }), name: fc.string(), path: fc.option(fc.string(), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 50 }), fc.array(fc.string(), { maxLength: 5 }), (rows, names) => {
        const processes = normalizeProcesses(rows);
        expect(findProcesses(processes, names).length).toBeLessThanOrEqual(processes.length);
      }),
    );
  });
});
