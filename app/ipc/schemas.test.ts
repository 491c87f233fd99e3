import { describe, expect, it } from 'vitest';
import type { RunEvent, ServerCheck } from '../contract/check';
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
});
