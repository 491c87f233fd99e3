import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Report } from '../../app/contract/check';
import { SYSTEM_REASONS } from '../../app/contract/system-reasons';
import { noProxyEnv, parseReport, runCli, server, system } from '../cli/run-cli';
import { REDIRECT_TARGET, startWorld, TEST_ISSUER, type World } from '../fake-internet/world';
import { startNamedProcess, type NamedProcess } from '../../test-support/named-process';

const fixture = path.resolve(import.meta.dirname, '../../main/system/fixtures/windows/hosts-tinyumbrella.txt');

async function check(args: readonly string[]): Promise<{ code: number; report: Report }> {
  const run = await runCli(['check', '--json', '--expect-issuer', TEST_ISSUER, '--timeout-ms', '3000', ...args], noProxyEnv);
  return { code: run.code, report: parseReport(run) };
}

describe('sync-doctor check: system checks in the same report', () => {
  let world: World;
  let listener: NamedProcess;
  beforeAll(async () => {
    world = await startWorld({ faults: { 'gs.apple.com': 'hosts-redirect' }, ntpClockOffsetMs: -3 * 3600_000 });
    // A program with a long name holding the device service's port, as on a Windows machine.
    listener = await startNamedProcess('AppleMobileDeviceService.exe', process.execPath, [
      '-e',
      "const s=require('net').createServer();s.listen(27015,'127.0.0.1',()=>console.log(s.address().port))",
    ]);
    await listener.firstLine();
  });
  afterAll(async () => {
    await listener.stop();
    await world.stop();
  });

  it('--only system runs only system checks, every kind, with known reason codes', async () => {
    const { report } = await check(['--only', 'system', '--hosts-file', fixture]);
    expect(report.checks.every((c) => c.group === 'system')).toBe(true);
    expect([...new Set(report.checks.map((c) => c.kind))]).toEqual([
      'process',
      'service',
      'device',
      'listener',
      'hosts',
      'proxy',
      'firewall',
      'clock',
    ]);
    for (const c of report.checks) expect([...SYSTEM_REASONS, 'ok', 'cancelled', 'clock-skew']).toContain(c.reason);
    expect(system(report, 'hosts:apple')).toMatchObject({
      status: 'fail',
      reason: 'hosts-entry',
      facts: { file: fixture, line: 23, host: 'gs.apple.com' },
    });
    expect(system(report, 'listener:tcp:27015')).toMatchObject({
      facts: { pid: listener.pid, program: 'AppleMobileDeviceService.exe', path: listener.path, address: '127.0.0.1' },
    });
    // No NTP check in this run: the clock asked the (fake) time server itself.
    expect(system(report, 'clock:offset')).toMatchObject({ status: 'fail', reason: 'clock-skew' });
  });

  it('a full run: the dns-redirected detail names the hosts-file line, and the clock reuses the NTP answer', async () => {
    const ntpBefore = world.ntpQueries();
    const { code, report } = await check([]);
    // One question to the time server in the whole run: the NTP check asked, the clock read its answer.
    expect(world.ntpQueries() - ntpBefore).toBe(1);
    expect(code).toBe(1);
    const gs = server(report, 'gs.apple.com', 443);
    expect(gs.reason).toBe('dns-redirected');
    // Inside the namespace, the world's hosts file is what /etc/hosts shows.
    expect(gs.detail).toMatch(/The hosts file \/etc\/hosts does it, line \d+/);
    expect(gs.detail).toContain(`${REDIRECT_TARGET} gs.apple.com`);
    const ntp = report.checks.find((c) => c.kind === 'ntp');
    const clock = system(report, 'clock:offset');
    expect(clock).toMatchObject({ status: 'fail', reason: 'clock-skew' });
    expect(clock.facts?.['offsetMs']).toBe(ntp?.kind === 'ntp' ? ntp.offsetMs : NaN);
    expect(system(report, 'hosts:apple')).toMatchObject({
      status: 'fail',
      facts: { host: 'gs.apple.com', address: REDIRECT_TARGET },
    });
    const firstSystem = report.checks.findIndex((c) => c.group === 'system');
    expect(report.checks.slice(firstSystem).every((c) => c.group === 'system')).toBe(true);
  });

  it('a hosts file that is not there is reported, not a crash', async () => {
    const { report } = await check(['--only', 'system', '--hosts-file', '/nonexistent/hosts']);
    expect(system(report, 'hosts:file')).toMatchObject({ status: 'warn', reason: 'hosts-unreadable' });
  });
});
