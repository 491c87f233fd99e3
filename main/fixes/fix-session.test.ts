import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../app/contract/check';
import type { FixEnvironment } from './definition';
import { fakeSystem, fixEnvironment } from './fixtures/fake-system';
import { systemCheck, testFinding, testRunEvents } from './fixtures/findings';
import { FixSession, type ElevatedApply } from './fix-session';

let dir: string;
let hostsFile: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sd-session-'));
  hostsFile = path.join(dir, 'hosts');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FLUSH = { '/usr/bin/dscacheutil -flushcache': {}, '/usr/bin/killall -HUP mDNSResponder': {} };
const redirect = testFinding('hosts-file-redirect', ['hosts:apple'], ['remove-hosts-redirects', 'flush-dns']);
const checks = [systemCheck('hosts:file', 'ok'), systemCheck('hosts:apple', 'fail')];

function session(options: { elevated?: boolean; elevate?: ElevatedApply; env?: Partial<FixEnvironment> } = {}) {
  const system = fakeSystem(FLUSH);
  const rerun = vi.fn((ids: readonly string[]) => Promise.resolve(ids.map((id) => systemCheck(id, 'ok')) as CheckResult[]));
  const fixes = new FixSession({
    environment: (runChecks) =>
      fixEnvironment('mac', system.run, { checks: runChecks, hostsFile: () => Promise.resolve(hostsFile), ...options.env }),
    isElevated: () => Promise.resolve(options.elevated ?? true),
    ...(options.elevate ? { elevate: options.elevate } : {}),
    rerun,
  });
  const finish = (runId: string) => {
    for (const event of testRunEvents(runId, checks, [redirect])) fixes.observe(event);
  };
  return { fixes, system, rerun, finish };
}

describe('FixSession', () => {
  it('offers the fixes for the run and refuses anything before a run has finished', async () => {
    const { fixes, finish } = session();
    expect(fixes.list('r1')).toMatchObject({ ok: false, why: 'no-run' });
    fixes.observe({ type: 'run-started', runId: 'r1', startedAt: '', planned: [] });
    expect(fixes.list('r1')).toMatchObject({ ok: false, why: 'no-run', message: 'The check is still running.' });
    finish('r1');
    const listed = fixes.list('r1');
    expect(listed.ok && listed.offers.map((offer) => [offer.findingId, offer.fixId, offer.needsAdmin])).toEqual([
      ['hosts-file-redirect', 'remove-hosts-redirects', true],
      ['hosts-file-redirect', 'flush-dns', true],
    ]);
  });

  it("takes the run's checks from its check-result events and the findings from run-finished's header", async () => {
    const diagnose = vi.fn((seen: readonly CheckResult[]) => (seen.some((check) => check.status === 'fail') ? [redirect] : []));
    const fixes = new FixSession({
      environment: (runChecks) => fixEnvironment('mac', fakeSystem(FLUSH).run, { checks: runChecks }),
      isElevated: () => Promise.resolve(true),
      rerun: (ids) => Promise.resolve(ids.map((id) => systemCheck(id, 'ok'))),
      diagnose,
    });
    const [started, ...rest] = testRunEvents('r1', checks);
    fixes.observe(started!);
    // A late result of an earlier run is not a check of this one.
    fixes.observe({ type: 'check-result', runId: 'r0', result: systemCheck('hosts:old', 'fail') });
    for (const event of rest) fixes.observe(event);
    // No findings in the header: diagnosed here, from the streamed results in plan order.
    expect(diagnose).toHaveBeenCalledWith(checks);
    expect(fixes.list('r1')).toMatchObject({ ok: true, offers: [{ fixId: 'remove-hosts-redirects' }, { fixId: 'flush-dns' }] });
    await expect(fixes.rerun({ runId: 'r1', checkIds: ['hosts:old'] })).resolves.toMatchObject({ ok: false, why: 'unknown' });
    await expect(fixes.rerun({ runId: 'r1', checkIds: ['hosts:file', 'hosts:apple'] })).resolves.toMatchObject({ ok: true });

    // Findings in the header are the run's findings: nothing is diagnosed again.
    diagnose.mockClear();
    for (const event of testRunEvents('r2', checks, [testFinding('dns-filter', ['hosts:apple'], ['flush-dns'])])) fixes.observe(event);
    expect(diagnose).not.toHaveBeenCalled();
    const listed = fixes.list('r2');
    expect(listed.ok && listed.offers.map((offer) => [offer.findingId, offer.fixId])).toEqual([
      ['dns-filter', 'flush-dns'],
      ['dns-filter', 'open-network-settings'],
    ]);
  });

  it('refuses a fix it did not offer for that finding, and ids of an older run', async () => {
    const { fixes, finish, system } = session();
    finish('r1');
    await expect(fixes.preview({ runId: 'r1', findingId: 'hosts-file-redirect', fixId: 'sync-clock' })).resolves.toMatchObject({
      ok: false,
      why: 'unknown',
    });
    await expect(fixes.preview({ runId: 'r1', findingId: 'clock-wrong', fixId: 'sync-clock' })).resolves.toMatchObject({
      ok: false,
      why: 'unknown',
    });
    await expect(fixes.apply({ runId: 'r1', findingId: 'clock-wrong', fixId: 'sync-clock' })).resolves.toMatchObject({
      ok: false,
      why: 'unknown',
    });
    finish('r2');
    await expect(fixes.preview({ runId: 'r1', findingId: 'hosts-file-redirect', fixId: 'flush-dns' })).resolves.toMatchObject({
      ok: false,
      why: 'stale',
    });
    await expect(fixes.apply({ runId: 'r1', findingId: 'hosts-file-redirect', fixId: 'flush-dns' })).resolves.toMatchObject({
      ok: false,
      why: 'stale',
    });
    await expect(fixes.rerun({ runId: 'r1', checkIds: ['hosts:apple'] })).resolves.toMatchObject({ ok: false, why: 'stale' });
    expect(system.calls).toEqual([]);
  });

  it('applies only what was previewed in this run, then re-checks and records before and after', async () => {
    const { fixes, finish, system, rerun } = session();
    finish('r1');
    const request = { runId: 'r1', findingId: 'hosts-file-redirect' as const, fixId: 'flush-dns' as const };
    await expect(fixes.apply(request)).resolves.toMatchObject({ ok: false, why: 'not-previewed' });
    const preview = await fixes.preview(request);
    expect(preview).toMatchObject({ ok: true, preview: { fixId: 'flush-dns', recheck: ['hosts:apple'], needsAdmin: true } });
    const applied = await fixes.apply(request);
    expect(applied).toMatchObject({
      ok: true,
      attempt: {
        fixId: 'flush-dns',
        outcome: { kind: 'applied' },
        before: [{ id: 'hosts:apple', status: 'fail' }],
        after: [{ id: 'hosts:apple', status: 'ok' }],
      },
    });
    expect(system.calls.map((argv) => argv.join(' '))).toEqual(Object.keys(FLUSH));
    expect(rerun).toHaveBeenCalledWith(['hosts:apple']);
    expect(fixes.attempts).toHaveLength(1);
    // A preview is good for one apply.
    await expect(fixes.apply(request)).resolves.toMatchObject({ ok: false, why: 'not-previewed' });
  });

  it('re-runs only checks of the run', async () => {
    const { fixes, finish, rerun } = session();
    finish('r1');
    await expect(fixes.rerun({ runId: 'r1', checkIds: ['hosts:apple', 'evil:check'] })).resolves.toMatchObject({
      ok: false,
      why: 'unknown',
    });
    expect(rerun).not.toHaveBeenCalled();
    await expect(fixes.rerun({ runId: 'r1', checkIds: ['hosts:apple', 'hosts:apple'] })).resolves.toMatchObject({
      ok: true,
      results: [{ id: 'hosts:apple' }],
    });
  });

  it('without rights it asks once through the elevation, and a cancelled prompt is "cancelled"', async () => {
    const elevate = vi.fn<ElevatedApply>(() => Promise.resolve({ outcome: { kind: 'cancelled' }, commands: [] }));
    const { fixes, finish, system, rerun } = session({ elevated: false, elevate });
    finish('r1');
    const request = { runId: 'r1', findingId: 'hosts-file-redirect' as const, fixId: 'flush-dns' as const };
    const preview = await fixes.preview(request);
    const applied = await fixes.apply(request);
    expect(elevate).toHaveBeenCalledTimes(1);
    expect(elevate).toHaveBeenCalledWith('flush-dns', preview.ok ? preview.preview.fingerprint : '');
    expect(applied).toMatchObject({ ok: true, attempt: { outcome: { kind: 'cancelled' }, after: [] } });
    expect(system.calls).toEqual([]);
    expect(rerun).not.toHaveBeenCalled();
  });

  it('a hosts file changed after the preview is not touched', async () => {
    await writeFile(hostsFile, '198.51.100.7 gs.apple.com\n');
    const { fixes, finish } = session();
    finish('r1');
    const request = { runId: 'r1', findingId: 'hosts-file-redirect' as const, fixId: 'remove-hosts-redirects' as const };
    await fixes.preview(request);
    await writeFile(hostsFile, '198.51.100.7 gs.apple.com\n10.0.0.1 nas.local\n');
    await expect(fixes.apply(request)).resolves.toMatchObject({ ok: true, attempt: { outcome: { kind: 'changed-since-preview' } } });
    expect(await readFile(hostsFile, 'utf8')).toBe('198.51.100.7 gs.apple.com\n10.0.0.1 nas.local\n');
  });
});
