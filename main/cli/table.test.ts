import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA, summarize, type CheckResult, type Report } from '../../app/contract/check';
import { renderTable, wrap } from './table';

const LONG_DETAIL =
  'gs.apple.com answered with a certificate from Contoso Web Shield Root CA instead of Apple: security software on this computer ' +
  'or on the network inspects secure connections, and Apple’s update servers refuse that.';

const CHECKS: CheckResult[] = [
  {
    id: 'server:albert.apple.com:443',
    kind: 'server',
    group: 'network',
    title: 'albert.apple.com:443',
    status: 'ok',
    reason: 'ok',
    detail: 'Reachable.',
    timings: { dnsMs: 10.4, tcpMs: 20.3, tlsMs: 30.2, httpMs: 40.4 },
    host: 'albert.apple.com',
    port: 443,
    protocol: 'tcp',
    purpose: 'Activation',
    layers: { dns: 'ok', tcp: 'ok', tls: 'ok', http: 'ok' },
  },
  {
    id: 'server:gs.apple.com:443',
    kind: 'server',
    group: 'network',
    title: 'gs.apple.com:443',
    status: 'fail',
    reason: 'tls-intercepted',
    detail: LONG_DETAIL,
    timings: { dnsMs: 1, tcpMs: 2, tlsMs: 3 },
    host: 'gs.apple.com',
    port: 443,
    protocol: 'tcp',
    purpose: 'Firmware signing',
    layers: { dns: 'ok', tcp: 'ok', tls: 'fail', http: 'not-run' },
  },
  {
    id: 'port:554',
    kind: 'port',
    group: 'network',
    title: 'TCP 554',
    status: 'warn',
    reason: 'tcp-timeout',
    detail: 'Nothing answered on port 554.',
    timings: {},
    port: 554,
    protocol: 'tcp',
    purpose: 'Streaming',
  },
  {
    id: 'ntp:time.apple.com',
    kind: 'ntp',
    group: 'network',
    title: 'time.apple.com',
    status: 'skipped',
    reason: 'cancelled',
    detail: 'Cancelled before this check finished.',
    timings: {},
    host: 'time.apple.com',
    port: 123,
    protocol: 'udp',
  },
  {
    id: 'hosts:file',
    kind: 'hosts',
    group: 'system',
    title: 'Hosts file',
    status: 'fail',
    reason: 'hosts-entry',
    detail: 'Line 12 sends gs.apple.com to 127.0.0.1.',
    timings: {},
  },
];

function report(checks: CheckResult[] = CHECKS, extra: Partial<Report> = {}): Report {
  return {
    schema: REPORT_SCHEMA,
    startedAt: '2026-11-25T09:00:00.000Z',
    durationMs: 1234,
    cancelled: false,
    catalog: { version: '2026.11.25', updated: '2026-11-25', source: 'built-in' },
    platform: { os: 'linux', release: '6.1', arch: 'x64' },
    summary: summarize(checks),
    checks,
    ...extra,
  };
}

describe('renderTable', () => {
  const width = 70;
  const text = renderTable(report(), width);
  const lines = text.split('\n');

  it('puts a heading above each kind of check, with a blank line between groups', () => {
    const headings = ['Apple servers', 'Other ports (outgoing)', 'Time', 'Hosts file'];
    expect(lines.filter((line) => headings.includes(line))).toEqual(headings);
    expect(lines[0]).toBe('Apple servers');
    for (const heading of headings.slice(1)) expect(lines[lines.indexOf(heading) - 1]).toBe('');
  });

  it('shows an ok line with its total time and no detail', () => {
    const at = lines.findIndex((line) => line.includes('albert.apple.com:443'));
    expect(lines[at]).toMatch(/^ {2}ok {4}albert\.apple\.com:443 +ok +101 ms$/);
    expect(lines[at + 1]).toMatch(/^ {2}FAIL/);
  });

  it('shows a FAIL line with its reason, then the detail wrapped to the width', () => {
    const at = lines.findIndex((line) => line.includes('gs.apple.com:443'));
    expect(lines[at]).toMatch(/^ {2}FAIL {2}gs\.apple\.com:443 +tls-intercepted +6 ms$/);
    const detail: string[] = [];
    for (let i = at + 1; i < lines.length && lines[i]!.startsWith('        '); i += 1) detail.push(lines[i]!);
    expect(detail.length).toBeGreaterThan(2);
    for (const line of detail) expect(line.length).toBeLessThanOrEqual(8 + (width - 10));
    expect(detail.map((line) => line.trim()).join(' ')).toBe(LONG_DETAIL);
  });

  it('marks warnings and skipped checks, leaves out the time when there is none, and shows their details', () => {
    const port = lines.findIndex((line) => line.includes('TCP 554'));
    expect(lines[port]).toMatch(/^ {2}WARN {2}TCP 554 +tcp-timeout$/);
    expect(lines[port + 1]).toBe('        Nothing answered on port 554.');
    const ntp = lines.findIndex((line) => line.includes('time.apple.com'));
    expect(lines[ntp]).toMatch(/^ {2}skip {2}time\.apple\.com +cancelled$/);
    const hosts = lines.findIndex((line) => line.includes('hosts-entry'));
    expect(lines[hosts]).toMatch(/^ {2}FAIL {2}Hosts file +hosts-entry$/);
    expect(lines[hosts + 1]).toBe('        Line 12 sends gs.apple.com to 127.0.0.1.');
  });

  it('shows the devices seen under a device row even when it is ok', () => {
    const device: CheckResult = {
      id: 'device:usbmux',
      kind: 'device',
      group: 'system',
      title: 'iPhone, iPad or iPod',
      status: 'ok',
      reason: 'ok',
      detail: 'usbmuxd sees an iPhone (USB, serial ending 802E). It trusts this computer.',
      timings: {},
    };
    const rows = renderTable(report([device]), 120).split('\n');
    expect(rows.slice(0, 3)).toEqual([
      'iPhone, iPad and iPod',
      expect.stringMatching(/^ {2}ok {4}iPhone, iPad or iPod +ok$/),
      '        usbmuxd sees an iPhone (USB, serial ending 802E). It trusts this computer.',
    ]);
  });

  it('ends with the summary line', () => {
    expect(lines.at(-2)).toBe('');
    expect(lines.at(-1)).toBe('1 ok, 1 warnings, 2 failed, 1 skipped in 1.2 s. Catalog 2026.11.25 (built-in).');
  });

  it('says when the run was cancelled', () => {
    expect(
      renderTable(report(CHECKS, { cancelled: true }))
        .split('\n')
        .at(-1),
    ).toContain('in 1.2 s (cancelled). Catalog');
  });

  it('prints only the summary for an empty report', () => {
    expect(renderTable(report([]))).toBe('\n0 ok, 0 warnings, 0 failed, 0 skipped in 1.2 s. Catalog 2026.11.25 (built-in).');
  });

  it('never wraps narrower than 40 columns', () => {
    const narrow = renderTable(report(), 20).split('\n');
    const detail = narrow.filter((line) => line.startsWith('        '));
    expect(detail.some((line) => line.length > 8 + 30)).toBe(true);
    expect(detail.every((line) => line.length <= 8 + 40)).toBe(true);
  });
});

describe('wrap', () => {
  it('breaks between words within the width', () => {
    expect(wrap('one two three four five', 9)).toEqual(['one two', 'three', 'four five']);
  });

  it('keeps a word longer than the width on its own line', () => {
    expect(wrap('a https://very-long.example/path/that/does/not/fit b', 10)).toEqual([
      'a',
      'https://very-long.example/path/that/does/not/fit',
      'b',
    ]);
  });

  it('collapses runs of white space and returns nothing for blank text', () => {
    expect(wrap('  a \n\t b  ', 80)).toEqual(['a b']);
    expect(wrap('   ', 80)).toEqual([]);
  });
});
