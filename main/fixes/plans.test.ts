import { describe, expect, it } from 'vitest';
import type { FixStep } from '../../app/fixes/preview';
import { fixture } from '../system/fixtures/load';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { linuxCommand, windowsCommand, windowsSystemRoot } from './commands';
import type { FixDefinition } from './definition';
import { fakeSystem, fixEnvironment, memoryUndoStore, type Answers } from './fixtures/fake-system';
import { fingerprintOf } from './preview';
import { fixById, fixesFor } from './registry';

const proxyFixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../proxy/fixtures', name), 'utf8');
const argvOf = (steps: readonly FixStep[]) =>
  steps.map((step) => (step.kind === 'command' || step.kind === 'open-settings' ? step.argv : step.kind));

const SC = 'C:\\Windows\\System32\\sc.exe';
const NET = 'C:\\Windows\\System32\\net.exe';
const AMDS = 'Apple Mobile Device Service';

async function plan(id: Parameters<typeof fixById>[0], os: Parameters<typeof fixEnvironment>[0], answers: Answers = {}, extra = {}) {
  const system = fakeSystem(answers);
  const env = fixEnvironment(os, system.run, extra);
  const prepared = await fixById(id).prepare(env);
  return { prepared, system, env };
}

describe('absolute command paths', () => {
  it('builds Windows paths from a validated SystemRoot, whatever the case of its name', () => {
    expect(windowsCommand('sc', { env: { SystemRoot: 'C:\\Windows' } })).toEqual({ ok: true, path: SC });
    expect(windowsCommand('explorer', { env: { SYSTEMROOT: 'D:\\WINNT\\' } })).toEqual({ ok: true, path: 'D:\\WINNT\\explorer.exe' });
  });

  it.each([
    [{}, /not set/],
    [{ SystemRoot: 'Windows' }, /not a plain folder/],
    [{ SystemRoot: '\\\\server\\share' }, /not a plain folder/],
    [{ SystemRoot: 'C:\\Windows\\..\\Temp' }, /not a plain folder/],
    [{ SystemRoot: 'C:\\%TEMP%' }, /not a plain folder/],
    [{ SystemRoot: 'C:\\Win"dows' }, /not a plain folder/],
    [{ SystemRoot: '.\\' }, /not a plain folder/],
  ])('refuses SystemRoot %j', (env, why) => {
    const root = windowsSystemRoot(env);
    expect(root.ok).toBe(false);
    if (!root.ok) expect(root.why).toMatch(why);
  });

  it('takes the first Linux location that holds the command, and says where it looked', () => {
    expect(linuxCommand('resolvectl', { exists: (file) => file === '/bin/resolvectl' })).toEqual({ ok: true, path: '/bin/resolvectl' });
    expect(linuxCommand('resolvectl', { exists: () => false })).toEqual({
      ok: false,
      why: 'resolvectl is not installed (looked in /usr/bin/resolvectl, /bin/resolvectl)',
    });
  });
});

describe('flush-dns', () => {
  it('Windows: ipconfig /flushdns, without administrator rights', async () => {
    const { prepared } = await plan('flush-dns', 'windows');
    expect(argvOf(prepared.steps)).toEqual([['C:\\Windows\\System32\\ipconfig.exe', '/flushdns']]);
    expect(prepared.needsAdmin).toBe(false);
  });

  it('macOS: dscacheutil -flushcache, then killall -HUP mDNSResponder, as administrator', async () => {
    const { prepared } = await plan('flush-dns', 'mac');
    expect(argvOf(prepared.steps)).toEqual([
      ['/usr/bin/dscacheutil', '-flushcache'],
      ['/usr/bin/killall', '-HUP', 'mDNSResponder'],
    ]);
    expect(prepared.needsAdmin).toBe(true);
  });

  it('Linux: resolvectl flush-caches only where systemd-resolved runs', async () => {
    const active = await plan('flush-dns', 'linux', { '/usr/bin/systemctl is-active --quiet systemd-resolved': { exitCode: 0 } });
    expect(argvOf(active.prepared.steps)).toEqual([['/usr/bin/resolvectl', 'flush-caches']]);
    const inactive = await plan('flush-dns', 'linux', { '/usr/bin/systemctl is-active --quiet systemd-resolved': { exitCode: 3 } });
    expect(inactive.prepared.steps).toEqual([]);
    expect(inactive.prepared.blocked).toMatch(/no DNS cache to flush/);
    await expect(inactive.prepared.apply()).resolves.toMatchObject({ outcome: { kind: 'nothing-to-do' }, commands: [] });
  });

  it('runs its commands in order and records each answer', async () => {
    const { prepared, system } = await plan('flush-dns', 'mac', {
      '/usr/bin/dscacheutil -flushcache': {},
      '/usr/bin/killall -HUP mDNSResponder': {},
    });
    const result = await prepared.apply();
    expect(result.outcome).toEqual({ kind: 'applied' });
    expect(system.calls).toEqual([
      ['/usr/bin/dscacheutil', '-flushcache'],
      ['/usr/bin/killall', '-HUP', 'mDNSResponder'],
    ]);
    expect(result.commands.map((c) => c.exitCode)).toEqual([0, 0]);
  });

  it('stops at a refusal and calls it a lack of rights, not a failure', async () => {
    const { prepared, system } = await plan('flush-dns', 'mac', {
      '/usr/bin/dscacheutil -flushcache': { exitCode: 1, stderr: 'dscacheutil: Operation not permitted' },
    });
    const result = await prepared.apply();
    expect(result.outcome.kind).toBe('needs-admin');
    expect(system.calls).toHaveLength(1);
  });
});

describe('restart-device-service', () => {
  const running = { stdout: fixture('windows', 'sc-query-amds-running-en.txt') };
  const desktop = { stdout: fixture('windows', 'sc-qc-amds-desktop-en.txt') };

  it('Windows, running: sc query and sc qc to look, then net stop and net start', async () => {
    const { prepared, system } = await plan('restart-device-service', 'windows', {
      [`${SC} query ${AMDS}`]: running,
      [`${SC} qc ${AMDS}`]: desktop,
    });
    expect(system.calls).toEqual([
      [SC, 'query', AMDS],
      [SC, 'qc', AMDS],
    ]);
    expect(argvOf(prepared.steps)).toEqual([
      [NET, 'stop', AMDS],
      [NET, 'start', AMDS],
    ]);
    expect(prepared.needsAdmin).toBe(true);
  });

  it('Windows, disabled and stopped: set it to automatic, then start it', async () => {
    const stopped = { stdout: fixture('windows', 'sc-query-bonjour-stopped-de.txt').replace('Bonjour Service', AMDS) };
    const { prepared } = await plan('restart-device-service', 'windows', {
      [`${SC} query ${AMDS}`]: stopped,
      [`${SC} qc ${AMDS}`]: { stdout: fixture('windows', 'sc-qc-amds-store-disabled-en.txt') },
    });
    expect(argvOf(prepared.steps)).toEqual([
      [SC, 'config', AMDS, 'start=', 'auto'],
      [NET, 'start', AMDS],
    ]);
  });

  it('Windows, old installs: falls back to "Apple Mobile Device"', async () => {
    const missing = { exitCode: 1060, stdout: fixture('windows', 'sc-query-missing-en.txt') };
    const { prepared } = await plan('restart-device-service', 'windows', {
      [`${SC} query ${AMDS}`]: missing,
      [`${SC} query Apple Mobile Device`]: running,
      [`${SC} qc Apple Mobile Device`]: desktop,
    });
    expect(argvOf(prepared.steps)).toEqual([
      [NET, 'stop', 'Apple Mobile Device'],
      [NET, 'start', 'Apple Mobile Device'],
    ]);
  });

  it('Windows, Store or Apple Devices edition: no service; says to quit and reopen the app', async () => {
    const missing = { exitCode: 1060, stdout: fixture('windows', 'sc-query-missing-en.txt') };
    const answers = { [`${SC} query ${AMDS}`]: missing, [`${SC} query Apple Mobile Device`]: missing };
    const edition = {
      id: 'service:edition',
      kind: 'service' as const,
      group: 'system' as const,
      title: 'Apple device software',
      status: 'ok' as const,
      reason: 'ok',
      detail: 'Installed: the Apple Devices app (Microsoft Store).',
      timings: {},
      facts: { editions: 'the Apple Devices app (Microsoft Store)' },
    };
    const store = await plan('restart-device-service', 'windows', answers, { checks: [edition] });
    expect(store.prepared.steps).toEqual([{ kind: 'manual', text: expect.stringMatching(/Quit the app completely and open it again/) }]);
    expect(store.prepared.needsAdmin).toBe(false);
    const none = await plan('restart-device-service', 'windows', answers);
    expect(none.prepared.blocked).toMatch(/not installed/);
    await expect(none.prepared.apply()).resolves.toMatchObject({ outcome: { kind: 'failed' } });
  });

  it('"net start" of a service already running (message 2182) counts as done', async () => {
    const { prepared } = await plan('restart-device-service', 'windows', {
      [`${SC} query ${AMDS}`]: running,
      [`${SC} qc ${AMDS}`]: desktop,
      [`${NET} stop ${AMDS}`]: {},
      [`${NET} start ${AMDS}`]: {
        exitCode: 2,
        stdout: 'The requested service has already been started.\r\n\r\nMore help is available by typing NET HELPMSG 2182.',
      },
    });
    await expect(prepared.apply()).resolves.toMatchObject({ outcome: { kind: 'applied' } });
  });

  it('"System error 5" from net is a lack of rights, in German too', async () => {
    const { prepared } = await plan('restart-device-service', 'windows', {
      [`${SC} query ${AMDS}`]: running,
      [`${SC} qc ${AMDS}`]: desktop,
      [`${NET} stop ${AMDS}`]: { exitCode: 2, stderr: 'Systemfehler 5 aufgetreten.\r\n\r\nZugriff verweigert' },
    });
    await expect(prepared.apply()).resolves.toMatchObject({ outcome: { kind: 'needs-admin' } });
  });

  it('macOS: killall usbmuxd, then the Finder agents; "no matching processes" is fine', async () => {
    const { prepared } = await plan('restart-device-service', 'mac', {
      '/usr/bin/killall usbmuxd': {},
      '/usr/bin/killall AMPDevicesAgent AMPDeviceDiscoveryAgent': { exitCode: 1, stderr: 'No matching processes were found' },
    });
    expect(argvOf(prepared.steps)).toEqual([
      ['/usr/bin/killall', 'usbmuxd'],
      ['/usr/bin/killall', 'AMPDevicesAgent', 'AMPDeviceDiscoveryAgent'],
    ]);
    await expect(prepared.apply()).resolves.toMatchObject({ outcome: { kind: 'applied' } });
  });
});

describe('start-bonjour', () => {
  it('a stopped Bonjour Service (German sc output) is started with net start', async () => {
    const { prepared } = await plan('start-bonjour', 'windows', {
      [`${SC} query Bonjour Service`]: { stdout: fixture('windows', 'sc-query-bonjour-stopped-de.txt') },
      [`${SC} qc Bonjour Service`]: { stdout: '' },
    });
    expect(argvOf(prepared.steps)).toEqual([[NET, 'start', 'Bonjour Service']]);
  });

  it('a running one needs nothing', async () => {
    const running = fixture('windows', 'sc-query-amds-running-en.txt').replace(AMDS, 'Bonjour Service');
    const { prepared } = await plan('start-bonjour', 'windows', {
      [`${SC} query Bonjour Service`]: { stdout: running },
      [`${SC} qc Bonjour Service`]: {},
    });
    expect(prepared.blocked).toMatch(/already running/);
    expect(prepared.steps).toEqual([]);
  });
});

describe('reset-winhttp-proxy', () => {
  const REG = 'C:\\Windows\\System32\\reg.exe';
  const NETSH = 'C:\\Windows\\System32\\netsh.exe';
  const query = `${REG} query HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections /v WinHttpSettings`;

  it('reads the old value from the registry, resets, and records the old value for undo', async () => {
    const undo = memoryUndoStore();
    const { prepared } = await plan(
      'reset-winhttp-proxy',
      'windows',
      { [query]: { stdout: proxyFixture('reg-winhttp-proxy.txt') }, [`${NETSH} winhttp reset proxy`]: {} },
      { undo },
    );
    expect(argvOf(prepared.steps)).toEqual([[NETSH, 'winhttp', 'reset', 'proxy']]);
    expect(prepared.steps[0]).toMatchObject({ purpose: expect.stringContaining('proxy.corp.example:8080') });
    await expect(prepared.apply()).resolves.toMatchObject({ outcome: { kind: 'applied' } });
    expect(undo.records.get('reset-winhttp-proxy')?.data).toEqual({ proxy: 'proxy.corp.example:8080', bypass: '<local>' });

    const system = fakeSystem({ [`${NETSH} winhttp set proxy proxy-server=proxy.corp.example:8080 bypass-list=<local>`]: {} });
    const back = await fixById('reset-winhttp-proxy').prepareUndo!(fixEnvironment('windows', system.run, { undo }));
    expect(argvOf(back.steps)).toEqual([[NETSH, 'winhttp', 'set', 'proxy', 'proxy-server=proxy.corp.example:8080', 'bypass-list=<local>']]);
    await expect(back.apply()).resolves.toMatchObject({ outcome: { kind: 'applied' } });
    expect(undo.records.has('reset-winhttp-proxy')).toBe(false);
  });

  it('does nothing when WinHTTP is direct already', async () => {
    const { prepared } = await plan('reset-winhttp-proxy', 'windows', { [query]: { stdout: proxyFixture('reg-winhttp-direct.txt') } });
    expect(prepared.blocked).toMatch(/already connects directly/);
  });

  it('never puts a recorded value with odd characters back into a command', async () => {
    const undo = memoryUndoStore();
    await undo.save({ fixId: 'reset-winhttp-proxy', at: '2026-12-01T00:00:00Z', data: { proxy: 'evil & calc.exe', bypass: '' } });
    const system = fakeSystem({});
    const back = await fixById('reset-winhttp-proxy').prepareUndo!(fixEnvironment('windows', system.run, { undo }));
    expect(back.steps).toEqual([]);
    await expect(back.apply()).resolves.toMatchObject({ outcome: { kind: 'failed' } });
    expect(system.calls).toEqual([]);
  });
});

describe('sync-clock', () => {
  const W32TM = 'C:\\Windows\\System32\\w32tm.exe';
  const running = fixture('windows', 'sc-query-amds-running-en.txt').replace(AMDS, 'w32time');
  const stopped = fixture('windows', 'sc-query-bonjour-stopped-de.txt').replace('Bonjour Service', 'w32time');

  it('Windows: w32tm /resync, starting w32time first when it is stopped', async () => {
    const up = await plan('sync-clock', 'windows', { [`${SC} query w32time`]: { stdout: running } });
    expect(argvOf(up.prepared.steps)).toEqual([[W32TM, '/resync']]);
    const down = await plan('sync-clock', 'windows', {
      [`${SC} query w32time`]: { stdout: stopped },
      [`${SC} qc w32time`]: { stdout: '' },
    });
    expect(argvOf(down.prepared.steps)).toEqual([
      [NET, 'start', 'w32time'],
      [W32TM, '/resync'],
    ]);
  });

  it('Windows: a disabled time service is left to whoever disabled it', async () => {
    const { prepared } = await plan('sync-clock', 'windows', {
      [`${SC} query w32time`]: { stdout: stopped },
      [`${SC} qc w32time`]: { stdout: '        START_TYPE         : 4   DISABLED\r\n' },
    });
    expect(prepared.blocked).toMatch(/disabled/);
  });

  it('macOS: sntp -sS time.apple.com', async () => {
    const { prepared } = await plan('sync-clock', 'mac');
    expect(argvOf(prepared.steps)).toEqual([['/usr/bin/sntp', '-sS', 'time.apple.com']]);
  });
});

describe('settings pages', () => {
  it('Windows: control firewall.cpl, and ms-settings pages through explorer.exe', async () => {
    expect(argvOf((await plan('open-firewall-settings', 'windows')).prepared.steps)).toEqual([
      ['C:\\Windows\\System32\\control.exe', 'firewall.cpl'],
    ]);
    expect(argvOf((await plan('open-proxy-settings', 'windows')).prepared.steps)).toEqual([
      ['C:\\Windows\\explorer.exe', 'ms-settings:network-proxy'],
    ]);
    expect(argvOf((await plan('open-date-time-settings', 'windows')).prepared.steps)).toEqual([
      ['C:\\Windows\\explorer.exe', 'ms-settings:dateandtime'],
    ]);
    expect(argvOf((await plan('open-security-settings', 'windows')).prepared.steps)).toEqual([
      ['C:\\Windows\\explorer.exe', 'ms-settings:windowsdefender'],
    ]);
  });

  it('explorer.exe exits 1 even when it opened the page: that is not a failure', async () => {
    const { prepared } = await plan('open-network-settings', 'windows', {
      'C:\\Windows\\explorer.exe ms-settings:network-status': { exitCode: 1 },
    });
    await expect(prepared.apply()).resolves.toMatchObject({ outcome: { kind: 'applied' } });
  });

  it('macOS: the System Settings extension from 13 on, the old preference pane before', async () => {
    const open = async (id: Parameters<typeof fixById>[0], macMajor: number) =>
      argvOf((await plan(id, 'mac', {}, { macMajor })).prepared.steps);
    expect(await open('open-firewall-settings', 12)).toEqual([
      ['/usr/bin/open', 'x-apple.systempreferences:com.apple.preference.security?Firewall'],
    ]);
    expect(await open('open-firewall-settings', 14)).toEqual([
      ['/usr/bin/open', 'x-apple.systempreferences:com.apple.Network-Settings.extension'],
    ]);
    expect(await open('open-date-time-settings', 15)).toEqual([
      ['/usr/bin/open', 'x-apple.systempreferences:com.apple.Date-Time-Settings.extension'],
    ]);
    expect(await open('open-security-settings', 13)).toEqual([
      ['/usr/bin/open', 'x-apple.systempreferences:com.apple.settings.PrivacySecurity.extension'],
    ]);
  });
});

describe('which fixes a finding gets', () => {
  const finding = (id: Parameters<typeof fixesFor>[0]['id'], fixes: Parameters<typeof fixesFor>[0]['fixes'] = []) => ({ id, fixes });
  const ids = (fixes: FixDefinition[]) => fixes.map((fix) => fix.id);

  it('changes first, then pages to open, only those that exist on the OS', () => {
    expect(ids(fixesFor(finding('hosts-file-redirect'), 'linux'))).toEqual(['remove-hosts-redirects', 'flush-dns']);
    expect(ids(fixesFor(finding('clock-wrong'), 'windows'))).toEqual(['sync-clock', 'open-date-time-settings']);
    expect(ids(fixesFor(finding('clock-wrong'), 'linux'))).toEqual([]);
    expect(ids(fixesFor(finding('bonjour-not-running'), 'mac'))).toEqual([]);
  });

  it('adds what the diagnosis listed', () => {
    expect(ids(fixesFor(finding('device-not-trusted', ['open-security-settings']), 'mac'))).toEqual(['open-security-settings']);
  });

  it('every fix answers at least one finding and exists somewhere', async () => {
    const { FIXES } = await import('./registry');
    const { FIX_IDS } = await import('../../app/diagnosis/finding');
    expect(FIXES.map((fix) => fix.id).sort()).toEqual([...FIX_IDS].sort());
    for (const fix of FIXES) {
      expect(fix.answers.length, fix.id).toBeGreaterThan(0);
      expect(fix.platforms.length, fix.id).toBeGreaterThan(0);
    }
  });
});

describe('fingerprint', () => {
  it('is the same for the same steps, whatever the backup is called, and changes with the file', async () => {
    const fix = fixById('flush-dns');
    const a = await plan('flush-dns', 'mac');
    const b = await plan('flush-dns', 'mac');
    expect(fingerprintOf(fix, a.prepared)).toBe(fingerprintOf(fix, b.prepared));
    const edit = (backup: string, identity: string) => ({
      steps: [
        { kind: 'edit-file' as const, file: '/etc/hosts', backup, changes: [{ line: 3, before: '1.2.3.4 gs.apple.com' }], purpose: '' },
      ],
      needsAdmin: true,
      identity,
      apply: () => Promise.resolve({ outcome: { kind: 'applied' as const }, commands: [] }),
    });
    const hosts = fixById('remove-hosts-redirects');
    expect(fingerprintOf(hosts, edit('/etc/a.bak', 'x'))).toBe(fingerprintOf(hosts, edit('/etc/b.bak', 'x')));
    expect(fingerprintOf(hosts, edit('/etc/a.bak', 'x'))).not.toBe(fingerprintOf(hosts, edit('/etc/a.bak', 'y')));
  });
});
