import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../app/catalog/builtin';
import { SYSTEM_REASONS } from '../../app/contract/system-reasons';
import { proxyRouter } from '../proxy/router';
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
    for (const result of results) {
      expect(result.group).toBe('system');
      expect(result.detail.length).toBeGreaterThan(10);
      expect([...SYSTEM_REASONS, 'ok', 'cancelled', 'clock-skew']).toContain(result.reason);
    }
    expect(results.find((r) => r.id === 'hosts:apple')).toMatchObject({ status: 'fail', facts: { host: 'gs.apple.com' } });
    expect(results.find((r) => r.id === 'proxy:https')).toMatchObject({ status: 'ok', reason: 'ok' });
    expect(results.find((r) => r.id === 'clock:offset')).toMatchObject({ status: 'skipped', reason: 'clock-unknown' });
  });

  it('every reason code has a meaning', async () => {
    const { SYSTEM_REASON_MEANINGS } = await import('../../app/contract/system-reasons');
    for (const reason of SYSTEM_REASONS) expect(SYSTEM_REASON_MEANINGS[reason].length).toBeGreaterThan(20);
  });
});
