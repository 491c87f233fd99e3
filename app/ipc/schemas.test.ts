import { describe, expect, it } from 'vitest';
import { CHECK_KINDS, SYSTEM_KINDS, type ReportHeader, type RunEvent, type ServerCheck, type SystemCheck } from '../contract/check';
import { SYSTEM_CHECK_REASONS } from '../contract/system-reasons';
import { requestSchemas, runEventSchema, validate } from './schemas';
import { APP_LINK_URLS } from '../links';

const server: ServerCheck = {
  id: 'server:gs.apple.com:443',
  kind: 'server',
  group: 'network',
  title: 'gs.apple.com:443',
  status: 'fail',
  reason: 'tls-intercepted',
  detail: 'Intercepted.',
  timings: { dnsMs: 3, tcpMs: 1, tlsMs: 9 },
  host: 'gs.apple.com',
  port: 443,
  protocol: 'tcp',
  purpose: 'Signs firmware',
  layers: { dns: 'ok', tcp: 'ok', tls: 'fail', http: 'not-run' },
  tls: { issuer: 'Corp Inspection CA', subject: 'gs.apple.com', validTo: '2027-01-01', trusted: false, chain: ['Corp Inspection CA'] },
};

const HEADER: ReportHeader = {
  schema: 'sync-doctor/report@1',
  startedAt: 'now',
  durationMs: 12,
  cancelled: false,
  catalog: { version: 'v', updated: '2026-11-25', source: 'built-in' },
  platform: { os: 'win32', release: '10', arch: 'x64' },
  summary: { ok: 1, warn: 0, fail: 1, skipped: 0 },
};

describe('IPC schemas', () => {
  it('accept every event shape the engine sends', () => {
    const events: RunEvent[] = [
      {
        type: 'run-started',
        runId: 'r',
        startedAt: 'now',
        planned: [{ id: server.id, kind: 'server', group: 'network', title: server.title }],
      },
      { type: 'check-started', runId: 'r', checkId: server.id },
      { type: 'check-result', runId: 'r', result: server },
      {
        type: 'check-result',
        runId: 'r',
        result: {
          id: 'process:x',
          kind: 'process',
          group: 'system',
          title: 'x.exe',
          status: 'ok',
          reason: 'ok',
          detail: 'Running.',
          timings: {},
          facts: { pid: 4, path: null },
        },
      },
      {
        type: 'check-result',
        runId: 'r',
        result: {
          id: 'device:usbmux',
          kind: 'device',
          group: 'system',
          title: 'iPhone, iPad or iPod',
          status: 'warn',
          reason: 'device-not-trusted',
          detail: 'This iPhone does not trust this computer yet.',
          timings: {},
          facts: { devices: 1, kinds: 'iPhone', serialsLast4: '802E', notTrusted: 1 },
        },
      },
      {
        type: 'run-finished',
        runId: 'r',
        header: {
          ...HEADER,
          findings: [
            {
              id: 'https-inspection',
              severity: 'fail',
              title: 'Something reads your encrypted Apple traffic',
              detail: 'gs.apple.com answered with a certificate from Corp Inspection CA.',
              confidence: 'high',
              checks: [server.id],
              errorCodes: ['3194'],
              symptoms: ['update-error'],
              fixes: ['open-security-settings'],
              steps: { windows: ['Turn off HTTPS inspection.'], mac: ['Turn off HTTPS inspection.'] },
              subject: { hosts: ['gs.apple.com'], issuers: ['Corp Inspection CA'] },
            },
          ],
        },
      },
    ];
    for (const event of events) expect(validate(runEventSchema, event)).toEqual({ ok: true, value: event });
  });

  it('reject events that break the contract, saying where', () => {
    expect(validate(runEventSchema, { type: 'check-result', runId: 'r', result: { ...server, reason: 'made-up' } })).toMatchObject({
      ok: false,
      problem: expect.stringContaining('result.reason'),
    });
    expect(validate(runEventSchema, { type: 'check-result', runId: '', result: server }).ok).toBe(false);
    expect(validate(runEventSchema, { type: 'check-result', runId: 'r', result: { ...server, kind: 'satellite' } }).ok).toBe(false);
  });

  it('let run-finished carry the findings but not a second copy of the results', () => {
    const finished = (extra: object) => ({ type: 'run-finished', runId: 'r', header: { ...HEADER, ...extra } });
    expect(validate(runEventSchema, finished({ findings: [{ id: 'made-up' }] }))).toMatchObject({
      ok: false,
      problem: expect.stringContaining('findings'),
    });
    const parsed = validate(runEventSchema, finished({ checks: [server] }));
    expect(parsed.ok && parsed.value.type === 'run-finished' && 'checks' in parsed.value.header).toBe(false);
  });

  it('hold a check of this computer to the system kinds and reasons, as the type does', () => {
    const hosts: SystemCheck = {
      id: 'hosts:apple',
      kind: 'hosts',
      group: 'system',
      title: 'Hosts file',
      status: 'fail',
      reason: 'hosts-entry',
      detail: 'gs.apple.com is redirected on line 23.',
      timings: {},
    };
    const event = (result: unknown) => ({ type: 'check-result', runId: 'r', result });
    for (const reason of SYSTEM_CHECK_REASONS) expect(validate(runEventSchema, event({ ...hosts, reason })).ok, reason).toBe(true);
    for (const reason of ['hosts-redirect', 'hosts-blocks-apple', 'tls-intercepted', '']) {
      expect(validate(runEventSchema, event({ ...hosts, reason }))).toMatchObject({
        ok: false,
        problem: expect.stringContaining('reason'),
      });
    }
    expect(validate(runEventSchema, event({ ...hosts, kind: 'server' })).ok).toBe(false);
    expect(SYSTEM_KINDS).toEqual(CHECK_KINDS.filter((kind) => kind !== 'server' && kind !== 'port' && kind !== 'ntp'));
  });

  it('keep requests narrow: no extra fields, no empty or unknown groups', () => {
    expect(validate(requestSchemas['check:start'], { groups: ['network'] }).ok).toBe(true);
    expect(validate(requestSchemas['check:start'], { groups: [] }).ok).toBe(false);
    expect(validate(requestSchemas['check:start'], { groups: ['everything'] }).ok).toBe(false);
    expect(validate(requestSchemas['check:start'], { groups: ['network'], timeoutMs: 1 }).ok).toBe(false);
    expect(validate(requestSchemas['app:info'], null).ok).toBe(true);
    expect(validate(requestSchemas['link:open'], { url: 'x'.repeat(5000) }).ok).toBe(false);
    // Only the app's own links: any other address is refused before main looks at it.
    for (const url of APP_LINK_URLS) expect(validate(requestSchemas['link:open'], { url }).ok, url).toBe(true);
    expect(validate(requestSchemas['link:open'], { url: 'https://evil.example/?data=1' }).ok).toBe(false);
  });

  it('name a fix only by known ids: never a command, a path or anything extra', () => {
    const fix = requestSchemas['fix:apply'];
    expect(validate(fix, { runId: 'r', findingId: 'hosts-file-redirect', fixId: 'remove-hosts-redirects' }).ok).toBe(true);
    for (const bad of [
      { runId: 'r', findingId: 'hosts-file-redirect', fixId: 'rm -rf /' },
      { runId: 'r', findingId: 'not-a-finding', fixId: 'flush-dns' },
      { runId: 'r', findingId: 'hosts-file-redirect', fixId: 'flush-dns', argv: ['/bin/sh'] },
      { runId: '', findingId: 'hosts-file-redirect', fixId: 'flush-dns' },
      { findingId: 'hosts-file-redirect', fixId: 'flush-dns' },
    ]) {
      expect(validate(fix, bad).ok, JSON.stringify(bad)).toBe(false);
    }
    const rerun = requestSchemas['check:rerun'];
    expect(validate(rerun, { runId: 'r', checkIds: ['hosts:apple'] }).ok).toBe(true);
    expect(validate(rerun, { runId: 'r', checkIds: [] }).ok).toBe(false);
    expect(validate(rerun, { runId: 'r', checkIds: ['x'.repeat(301)] }).ok).toBe(false);
  });
});
