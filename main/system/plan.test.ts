import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../app/catalog/builtin';
import type { NtpCheck } from '../../app/contract/check';
import { SYSTEM_REASONS } from '../../app/contract/system-reasons';
import { proxyRouter } from '../proxy/router';
import type { CheckTask } from '../scheduler/task';
import { fixturePath } from './fixtures/load';
import { withSystemTasks } from './plan';

// No time server: the clock check must not ask a real one from a test.
const catalog = { ...builtinCatalog(), ntp: undefined };
const signal = () => AbortSignal.timeout(20_000);

describe('system plan on this machine', () => {
  it('runs every system check for real and never throws', async () => {
    const tasks = withSystemTasks([], catalog, {
      hostsFile: fixturePath('windows', 'hosts-tinyumbrella.txt'),
      proxy: proxyRouter({ env: {} }),
    });
    const kinds = new Set(tasks.map((task) => task.planned.kind));
    expect([...kinds]).toEqual(['process', 'service', 'device', 'listener', 'hosts', 'proxy', 'firewall', 'clock']);
    const ids = tasks.map((task) => task.planned.id);
    expect(new Set(ids).size).toBe(ids.length);
    const results = await Promise.all(tasks.map((task) => task.run(signal())));
    for (const result of results) expect([...SYSTEM_REASONS, 'ok', 'cancelled', 'clock-skew']).toContain(result.reason);
    expect(results.find((r) => r.id === 'hosts:apple')).toMatchObject({ status: 'fail', facts: { host: 'gs.apple.com' } });
    expect(results.find((r) => r.id === 'proxy:https')).toMatchObject({ status: 'ok', reason: 'ok' });
    expect(results.find((r) => r.id === 'clock:offset')).toMatchObject({ status: 'skipped', reason: 'clock-unknown' });
  });

  it('puts the network checks first and lets the clock read their NTP answer', async () => {
    // A stand-in for the network's NTP check: the plan, not the probe, is under test. Three minutes
    // off is what the NTP check judges as skew; the clock takes that verdict, not a second opinion.
    const answer: NtpCheck = {
      id: 'ntp:time.apple.com',
      kind: 'ntp',
      group: 'network',
      title: 'time.apple.com',
      status: 'fail',
      reason: 'clock-skew',
      detail: 'answered, 3 minutes off',
      timings: { ntpMs: 3 },
      host: 'time.apple.com',
      port: 123,
      protocol: 'udp',
      offsetMs: -180_000,
    };
    const ntp: CheckTask = {
      planned: { id: answer.id, kind: 'ntp', group: 'network', title: answer.title },
      run: () => Promise.resolve(answer),
      interrupted: () => ({ ...answer, status: 'skipped', reason: 'cancelled' as const }),
    };
    const tasks = withSystemTasks([ntp], catalog, { proxy: proxyRouter({ env: {} }) });
    expect(tasks[0]?.planned.id).toBe(answer.id);
    const clock = tasks.find((task) => task.planned.id === 'clock:offset');
    if (!clock) throw new Error('no clock check planned');
    const [ntpResult, clockResult] = await Promise.all([tasks[0]!.run(signal()), clock.run(signal())]);
    expect(ntpResult).toEqual(answer);
    expect(clockResult).toMatchObject({ status: 'fail', reason: 'clock-skew', facts: { offsetMs: -180_000 } });
  });
});
