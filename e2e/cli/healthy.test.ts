import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NETWORK_REASONS } from '../../app/contract/check';
import { startWorld, type World } from '../fake-internet/world';
import type { Report } from '../../app/contract/check';
import { byId, checkJson, server, type CliRun } from './run-cli';

describe('sync-doctor check against a healthy fake internet', () => {
  let world: World;
  let run: CliRun;
  let report: Report;
  beforeAll(async () => {
    world = await startWorld();
    ({ run, report } = await checkJson());
  });
  afterAll(() => world.stop());

  it('finds every server reachable, exits 0 and prints the report shape', async () => {
    const notOk = report.checks.filter((c) => c.status !== 'ok' && c.reason !== 'not-testable');
    expect(notOk.map((c) => `${c.id} ${c.reason}: ${c.detail}`)).toEqual([]);
    expect(run.code).toBe(0);
    expect(report.schema).toBe('sync-doctor/report@1');
    expect(typeof report.startedAt).toBe('string');
    expect(report.durationMs).toBeGreaterThan(0);
    for (const check of report.checks) {
      expect(['server', 'port', 'ntp']).toContain(check.kind);
      expect(['ok', 'warn', 'fail', 'skipped']).toContain(check.status);
      expect(NETWORK_REASONS as readonly string[]).toContain(check.reason);
      expect(check.detail.length).toBeGreaterThan(10);
    }
  });

  it('probes each layer of an HTTPS server and records the certificate', async () => {
    const albert = server(report, 'albert.apple.com', 443);
    expect(albert.layers).toEqual({ dns: 'ok', tcp: 'ok', tls: 'ok', http: 'ok' });
    expect(albert.tls?.issuer).toContain('Sync Doctor Test');
    expect(albert.tls?.trusted).toBe(true);
    expect(albert.dns?.system).toEqual([world.addressOf('albert.apple.com')]);
    for (const key of ['dnsMs', 'tcpMs', 'tlsMs', 'httpMs'] as const) expect(albert.timings[key]).toBeGreaterThanOrEqual(0);
  });

  it('counts gs.apple.com answering 404 on / as reachable', async () => {
    const gs = server(report, 'gs.apple.com', 443);
    expect(gs.status).toBe('ok');
    expect(gs.http?.status).toBe(404);
    expect(gs.detail).toMatch(/normal/);
  });

  it('says which example stands for a wildcard entry and which sample of a port range was tried', async () => {
    expect(server(report, 'a3.mzstatic.com', 443).pattern).toBe('*.mzstatic.com');
    const sample = byId(report, 'port:portquiz.net:8500');
    expect(sample.kind === 'port' && sample.sample).toBe('8500 of 8000-8999');
    expect(byId(report, 'server:*.amazonaws.com')).toMatchObject({ status: 'skipped', reason: 'not-testable' });
  });

  it('lists the ports Apple names that cannot be tested, with why, instead of leaving them out', () => {
    expect(byId(report, 'port:554/udp')).toMatchObject({ kind: 'port', protocol: 'udp', status: 'skipped', reason: 'not-testable' });
    expect(byId(report, 'port:554/udp').detail).toMatch(/TCP 554 is tested/);
    expect(byId(report, 'port:123/tcp')).toMatchObject({ kind: 'port', protocol: 'tcp', status: 'skipped', reason: 'not-testable' });
    expect(byId(report, 'port:123/tcp').detail).toMatch(/only over UDP/);
  });

  it('measures the clock against the time server', async () => {
    const ntp = byId(report, 'ntp:time.apple.com');
    expect(ntp).toMatchObject({ kind: 'ntp', status: 'ok', port: 123, protocol: 'udp' });
    expect(ntp.kind === 'ntp' && Math.abs(ntp.offsetMs ?? Infinity)).toBeLessThan(1000);
  });
});
