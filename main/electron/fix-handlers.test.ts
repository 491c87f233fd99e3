import { describe, expect, it } from 'vitest';
import { fakeSystem, fixEnvironment } from '../fixes/fixtures/fake-system';
import { systemCheck, testFinding, testRunEvents } from '../fixes/fixtures/findings';
import { FixSession } from '../fixes/fix-session';
import { type ReportService } from './report-service';

import { InvokeBus } from '../../test-support/invoke-bus';
import { registerHandlers } from './handlers';

const PAGE = 'app://sync-doctor/index.html';
const ours = { id: 1 };
const fromPage = { sender: ours, senderFrame: { url: PAGE, parent: null } };
const fromElsewhere = { sender: ours, senderFrame: { url: 'https://evil.example/', parent: null } };

// The fix channels through the real registration, sender check and schemas, to a real FixSession.
describe('fix channels', () => {
  const system = fakeSystem({ '/usr/bin/dscacheutil -flushcache': {}, '/usr/bin/killall -HUP mDNSResponder': {} });
  const fixes = new FixSession({
    environment: (checks) => fixEnvironment('mac', system.run, { checks }),
    isElevated: () => Promise.resolve(true),
    rerun: (ids) => Promise.resolve(ids.map((id) => systemCheck(id, 'ok'))),
  });
  const bus = new InvokeBus<typeof ours>();
  registerHandlers(
    bus,
    { trustedPage: { kind: 'app-scheme', url: PAGE }, isKnownWindow: (contents) => contents === ours, log: () => undefined },
    {
      runs: {} as never,
      appInfo: () => Promise.reject(new Error('unused')),
      openLink: () => Promise.resolve(false),
      fixes,
      reports: {} as ReportService,
    },
  );
  for (const event of testRunEvents('r1', [systemCheck('hosts:apple', 'fail')], [testFinding('dns-filter', ['hosts:apple'], ['flush-dns'])])) {
    fixes.observe(event);
  }
  const invoke = (channel: string, event: typeof fromPage, payload: unknown) => bus.invoke(channel, payload, event);

  it('are all registered', () => {
    expect([...bus.channels()].filter((channel) => channel.startsWith('fix:') || channel === 'check:rerun').sort()).toEqual([
      'check:rerun',
      'fix:apply',
      'fix:list',
      'fix:preview',
    ]);
  });

  it('refuse another page before anything is planned or run', async () => {
    await expect(invoke('fix:preview', fromElsewhere, { runId: 'r1', findingId: 'dns-filter', fixId: 'flush-dns' })).rejects.toThrow(
      /unexpected page/,
    );
    await expect(
      invoke('fix:apply', fromPage, { runId: 'r1', findingId: 'dns-filter', fixId: 'flush-dns', argv: ['/bin/sh'] }),
    ).rejects.toThrow(/Invalid request/);
    expect(system.calls).toEqual([]);
  });

  it('list, preview and apply an offered fix; refuse one that was not offered', async () => {
    await expect(invoke('fix:list', fromPage, { runId: 'r1' })).resolves.toMatchObject({
      ok: true,
      offers: [{ findingId: 'dns-filter', fixId: 'flush-dns' }, { fixId: 'open-network-settings' }],
    });
    await expect(invoke('fix:preview', fromPage, { runId: 'r1', findingId: 'dns-filter', fixId: 'sync-clock' })).resolves.toMatchObject({
      ok: false,
      why: 'unknown',
    });
    await expect(invoke('fix:preview', fromPage, { runId: 'r1', findingId: 'dns-filter', fixId: 'flush-dns' })).resolves.toMatchObject({
      ok: true,
    });
    await expect(invoke('fix:apply', fromPage, { runId: 'r1', findingId: 'dns-filter', fixId: 'flush-dns' })).resolves.toMatchObject({
      ok: true,
      attempt: { outcome: { kind: 'applied' }, after: [{ id: 'hosts:apple', status: 'ok' }] },
    });
    await expect(invoke('check:rerun', fromPage, { runId: 'r0', checkIds: ['hosts:apple'] })).resolves.toMatchObject({
      ok: false,
      why: 'stale',
    });
  });
});
