import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CommandOutcome, RunCommand } from '../../platform/exec';
import { fixture } from '../fixtures/load';
import { normalizeProcesses, sharedProcessList } from '../processes/list';
import { startNamedProcess } from '../../../test-support/named-process';
import { parseBlockAll, parseGlobalState, parseListApps } from './socketfilterfw';
import { firewallTasks, judgeMacFirewall, judgeProductsFromProcesses, judgeWindowsFirewall, judgeWindowsProducts } from './tasks';
import { decodeProductState, parseWindowsSecurity } from './windows';

const ran = (stdout: string, exitCode = 0): CommandOutcome => ({ kind: 'ran', stdout, stderr: '', exitCode });
const mac = (name: string) => ran(fixture('mac', name));
const signal = () => AbortSignal.timeout(10_000);

describe('macOS socketfilterfw (captured, old and new wordings)', () => {
  it('parses state, block-all and the app list', () => {
    expect(parseGlobalState(fixture('mac', 'socketfilterfw-globalstate-on.txt'))).toBe(1);
    expect(parseGlobalState(fixture('mac', 'socketfilterfw-globalstate-off.txt'))).toBe(0);
    expect(parseBlockAll(fixture('mac', 'socketfilterfw-blockall-disabled-old.txt'))).toBe(false);
    expect(parseBlockAll(fixture('mac', 'socketfilterfw-blockall-disabled-new.txt'))).toBe(false);
    expect(parseBlockAll(fixture('mac', 'socketfilterfw-blockall-enabled-new.txt'))).toBe(true);
    expect(parseListApps(fixture('mac', 'socketfilterfw-listapps-old.txt'))).toEqual([
      { path: '/Applications/iTunes.app', allowed: false },
      { path: '/System/Library/CoreServices/RemoteManagement/ARDAgent.app', allowed: true },
      { path: '/Applications/Spotify.app', allowed: true },
    ]);
    expect(parseListApps(fixture('mac', 'socketfilterfw-listapps-new.txt'))).toHaveLength(2);
  });

  it('judges a blocked iTunes, block-all, off and fine', () => {
    const blocked = judgeMacFirewall(
      mac('socketfilterfw-globalstate-on.txt'),
      mac('socketfilterfw-blockall-disabled-old.txt'),
      mac('socketfilterfw-listapps-old.txt'),
    );
    expect(blocked).toMatchObject({ status: 'warn', reason: 'firewall-blocks', facts: { blockedApps: '/Applications/iTunes.app' } });
    const all = judgeMacFirewall(
      mac('socketfilterfw-globalstate-on.txt'),
      mac('socketfilterfw-blockall-enabled-new.txt'),
      mac('socketfilterfw-listapps-new.txt'),
    );
    expect(all).toMatchObject({ status: 'warn', reason: 'firewall-blocks', facts: { blockAll: true } });
    expect(judgeMacFirewall(mac('socketfilterfw-globalstate-off.txt'), ran(''), ran(''))).toMatchObject({
      status: 'ok',
      reason: 'firewall-off',
    });
    const fine = judgeMacFirewall(
      mac('socketfilterfw-globalstate-on.txt'),
      mac('socketfilterfw-blockall-disabled-new.txt'),
      mac('socketfilterfw-listapps-new.txt'),
    );
    expect(fine).toMatchObject({ status: 'ok', reason: 'ok' });
  });
});

describe('Windows firewall and Security Center (captured)', () => {
  it('decodes productState the way Security Center encodes it', () => {
    expect(decodeProductState(397568)).toEqual({ enabled: true, upToDate: true }); // Defender on
    expect(decodeProductState(393472)).toEqual({ enabled: false, upToDate: true }); // Defender off
    expect(decodeProductState(266256)).toEqual({ enabled: true, upToDate: false });
  });

  it('is fine with Defender only and Apple allow rules', () => {
    const outcome = ran(fixture('windows', 'security-defender-only.json'));
    expect(judgeWindowsFirewall(outcome)).toMatchObject({ status: 'ok', reason: 'ok', facts: { appleAllowRules: 2 } });
    expect(judgeWindowsProducts(outcome)).toMatchObject({ status: 'ok' });
  });

  it('names the block rule and the third-party product', () => {
    const outcome = ran(fixture('windows', 'security-kaspersky-block-rule.json'));
    const firewall = judgeWindowsFirewall(outcome);
    expect(firewall).toMatchObject({
      status: 'fail',
      reason: 'firewall-blocks',
      facts: { rule: 'Block outbound (added by PrivacyCleaner)', direction: 'Outbound', program: 'C:\\Program Files\\iTunes\\iTunes.exe' },
    });
    const products = judgeWindowsProducts(outcome);
    expect(products).toMatchObject({ status: 'warn', reason: 'security-product', facts: { product: 'Kaspersky Internet Security' } });
  });

  it('copes with Windows Server (no Security Center) and PowerShell 5.1 enum numbers', () => {
    const server = ran(fixture('windows', 'security-server-no-securitycenter.json'));
    expect(judgeWindowsFirewall(server)).toMatchObject({ status: 'ok', reason: 'firewall-off' });
    expect(judgeWindowsProducts(server)).toMatchObject({ status: 'skipped', reason: 'cannot-run' });
    const bare = parseWindowsSecurity(fixture('windows', 'netfirewallprofile-ps51-numbers.json'));
    expect(bare?.profiles).toEqual([
      { name: 'Domain', enabled: true, defaultInbound: 'NotConfigured', defaultOutbound: 'Block' },
      { name: 'Private', enabled: true, defaultInbound: 'NotConfigured', defaultOutbound: 'NotConfigured' },
      { name: 'Public', enabled: false, defaultInbound: 'NotConfigured', defaultOutbound: 'NotConfigured' },
    ]);
    expect(judgeWindowsFirewall(ran(fixture('windows', 'netfirewallprofile-ps51-numbers.json')))).toMatchObject({
      status: 'warn',
      reason: 'firewall-blocks',
    });
  });

  it('names a security product from its process even without Security Center', () => {
    const processes = { kind: 'listed' as const, processes: normalizeProcesses([{ pid: 9, name: 'ekrn.exe' }]) };
    expect(judgeWindowsProducts(ran(fixture('windows', 'security-server-no-securitycenter.json')), processes)).toMatchObject({
      status: 'warn',
      facts: { product: 'ESET' },
    });
  });
});

describe('socketfilterfw --listapps on a hostile line', () => {
  it('reads a very long line in one pass (a line pattern took quadratic time on it)', () => {
    const spaces = ' '.repeat(100_000);
    expect(parseListApps(`1 : /Applications/x${spaces}y.app${spaces}\n  ( Block incoming connections )`)).toEqual([
      { path: `/Applications/x${spaces}y.app`, allowed: false },
    ]);
  });
});

describe('firewall checks on this machine', () => {
  it('are not applicable on Linux', async () => {
    const [task, ...rest] = firewallTasks('linux', sharedProcessList());
    expect(rest).toEqual([]);
    expect(await task!.run(signal())).toMatchObject({ kind: 'firewall', status: 'skipped', reason: 'not-applicable' });
  });

  it('say "cannot run here" for the macOS and Windows tools, and still name products from real processes', async () => {
    const snitch = await startNamedProcess('Little Snitch Agent');
    try {
      const [firewall, products] = firewallTasks('mac', sharedProcessList());
      expect(await firewall!.run(signal())).toMatchObject({ status: 'skipped', reason: 'cannot-run' });
      expect(await products!.run(signal())).toMatchObject({
        status: 'warn',
        reason: 'security-product',
        facts: { product: 'Little Snitch' },
      });
      const windows = await Promise.all(firewallTasks('windows', sharedProcessList()).map((task) => task.run(signal())));
      expect(windows[0]).toMatchObject({ status: 'skipped', reason: 'cannot-run' });
    } finally {
      await snitch.stop();
    }
  });

  it('run PowerShell and socketfilterfw by their full paths', async () => {
    const started: string[] = [];
    const recording: RunCommand = (file) => {
      started.push(file);
      return Promise.resolve({ kind: 'cannot-run', why: 'recorded only' });
    };
    const noProcesses = () => Promise.resolve({ kind: 'listed' as const, processes: [] });
    for (const os of ['windows', 'mac'] as const) {
      await Promise.all(firewallTasks(os, noProcesses, recording).map((task) => task.run(signal())));
    }
    expect(new Set(started)).toEqual(
      new Set(['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', '/usr/libexec/ApplicationFirewall/socketfilterfw']),
    );
  });

  it('reports no known product when none runs', () => {
    expect(judgeProductsFromProcesses({ kind: 'listed', processes: [] })).toMatchObject({ status: 'ok' });
  });

  it('tells why the process list is missing, as the process checks do', () => {
    expect(judgeProductsFromProcesses({ kind: 'timeout' })).toMatchObject({ status: 'warn', reason: 'timed-out' });
    expect(judgeProductsFromProcesses({ kind: 'cancelled' })).toMatchObject({ status: 'skipped', reason: 'cancelled' });
    const broken = judgeProductsFromProcesses({ kind: 'cannot-run', why: 'the process list could not be read (EPERM)' });
    expect(broken).toMatchObject({ status: 'skipped', reason: 'cannot-run' });
    expect(broken.detail).toContain('EPERM');
  });
});

describe('firewall parsers never throw (property)', () => {
  it('on garbage and on any JSON', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        parseGlobalState(text);
        parseBlockAll(text);
        parseListApps(text);
        parseWindowsSecurity(text);
        judgeMacFirewall(ran(text), ran(text), ran(text));
        judgeWindowsFirewall(ran(text));
        judgeWindowsProducts(ran(text));
      }),
    );
    fc.assert(
      fc.property(fc.json(), (json) => {
        judgeWindowsFirewall(ran(json));
        judgeWindowsProducts(ran(json));
      }),
    );
  });
});
