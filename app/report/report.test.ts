import { describe, expect, it } from 'vitest';
import { buildSupportReport } from './build';
import { HIDDEN_KINDS } from './redact/placeholders';
import { redactReport } from './redact/redact-report';
import { noPersonalValues } from './redact/personal-values';
import { placeholderAsWritten, renderReportText } from './render/render';
import { MARKDOWN_LIMIT, renderMarkdown } from './render/markdown';
import { TEXT_FORMATS_FOR_TESTS } from './test-formats';
import { largeReport, PLANTED, PLANTED_SECRETS, plantedFixes, plantedPersonalValues, plantedReport } from './test-fixtures';

function draft(report = plantedReport()) {
  return buildSupportReport({
    report,
    syncDoctorVersion: '0.1.0',
    fixes: plantedFixes(),
    errorCode: '3194',
    identity: { computerName: PLANTED.computer, userName: PLANTED.user },
  });
}

function render(includePersonal: boolean, personal = plantedPersonalValues()) {
  const { report, hidden } = redactReport(draft(), { personal, includePersonal });
  return { report, hidden, outputs: TEXT_FORMATS_FOR_TESTS.map((format) => [format, renderReportText(report, format)] as const) };
}

function leaks(text: string, secrets: readonly string[] = PLANTED_SECRETS): string[] {
  const lower = text.toLowerCase();
  return secrets.filter((secret) => lower.includes(secret.toLowerCase()));
}

describe('the support report with personal data planted everywhere', () => {
  it('shows none of it in any format', () => {
    for (const [format, text] of render(false).outputs) expect(leaks(text), format).toEqual([]);
  });

  it('hides it even when the system gave no names: the report finds them in its own data', () => {
    const { outputs } = render(false, noPersonalValues());
    const withoutSystem = PLANTED_SECRETS.filter((secret) => secret !== PLANTED.wifi.split(' ')[0]);
    for (const [format, text] of outputs) expect(leaks(text, withoutSystem), format).toEqual([]);
  });

  it('keeps what the diagnosis needs: hosts, the addresses they resolve to, issuers, ports, reasons, error codes', () => {
    for (const [format, text] of render(false).outputs) {
      for (const kept of [
        'gs.apple.com',
        'a3.mzstatic.com',
        '74.208.105.171',
        '17.253.144.10',
        'Contoso Web Shield Root',
        'Apple Public Server RSA CA 12 - G1',
        'courier.push.apple.com',
        '5223',
        'dns-redirected',
        'tls-intercepted',
        'hosts-entry',
        '3194',
        'iTunes from the Microsoft Store',
      ]) {
        expect(text, `${format} keeps ${kept}`).toContain(kept);
      }
    }
  });

  it('with personal details included, names are there and the proxy password is still not', () => {
    for (const [format, text] of render(true).outputs) {
      expect(text, format).toContain(PLANTED.computer);
      expect(text, format).toContain(PLANTED.lan);
      expect(leaks(text, [PLANTED.proxyPassword, 'pa/ss', PLANTED.proxyUser]), format).toEqual([]);
      expect(text, format).toContain(placeholderAsWritten('[credentials]', format));
    }
  });

  it('puts the computer and user names in the system section only when included', () => {
    expect(render(true).report.system).toMatchObject({ computerName: PLANTED.computer, userName: PLANTED.user });
    expect(render(false).report.system.computerName).toBeUndefined();
    expect(render(false).report.system.userName).toBeUndefined();
    expect(render(false).report.redacted).toBe(true);
    expect(render(true).report.redacted).toBe(false);
  });

  it('says what it hid, by kind and placeholder, never the value', () => {
    const { hidden } = render(false);
    const kinds = new Set(hidden.map((item) => item.kind));
    for (const kind of HIDDEN_KINDS) {
      expect(kinds, kind).toContain(kind);
    }
    expect(leaks(JSON.stringify(hidden))).toEqual([]);
  });

  it('uses one placeholder per value across the whole report', () => {
    const json = render(false).outputs.find(([format]) => format === 'json')?.[1] ?? '';
    const report = JSON.parse(json) as { checks: { id: string; facts?: Record<string, unknown> }[]; findings: { detail: string }[] };
    const service = report.checks.find((check) => check.id === 'service:mobile-device');
    const computer = service?.facts?.['computerName'];
    expect(computer).toMatch(/^\[computer-\d\]$/);
    expect(report.findings[0]?.detail).toContain(String(computer));
  });
});

describe('the JSON format', () => {
  it('is the report@1 document with findings, fixes, system and redacted added', () => {
    const json = JSON.parse(render(false).outputs.find(([format]) => format === 'json')?.[1] ?? '{}') as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'schema',
      'startedAt',
      'durationMs',
      'cancelled',
      'catalog',
      'platform',
      'summary',
      'checks',
      'findings',
      'fixes',
      'system',
      'errorCode',
      'redacted',
    ]);
    expect(json['schema']).toBe('sync-doctor/report@1');
    // Manual steps sit under "windows" and "mac": the names of OSes, not personal keys.
    expect(JSON.stringify(json['findings'])).toContain('Edit /etc/hosts with sudo.');
    expect(json['redacted']).toBe(true);
    expect(json['system']).toEqual({
      syncDoctorVersion: '0.1.0',
      os: 'Windows 11',
      osVersion: '10.0.22631',
      arch: 'x64',
      appleSoftware: 'iTunes from the Microsoft Store',
    });
  });
});

describe('the Markdown format', () => {
  it('starts with the summary and findings, then the checks in a table inside <details>', () => {
    const markdown = render(false).outputs.find(([format]) => format === 'md')?.[1] ?? '';
    const order = [
      '## Sync Doctor support report',
      '**Catalog:** 2026.11.25',
      '### Findings',
      'The hosts file sends gs.apple.com elsewhere',
      '### Fixes tried',
      '<details>',
      '| Status | Check |',
      '</details>',
    ];
    const positions = order.map((part) => markdown.indexOf(part));
    expect(
      positions.every((position) => position >= 0),
      JSON.stringify(positions),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(markdown).toMatch(/<summary>All 13 checks \(.*\)<\/summary>\n\n\|/);
  });

  it('stays under 60,000 characters, leaving out check rows with a note', () => {
    const { report } = redactReport(draft(largeReport(600, 400)), { personal: noPersonalValues(), includePersonal: false });
    const markdown = renderMarkdown(report);
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(markdown).toMatch(/_\d+ more checks not shown here, to keep this under 60,000 characters for forums/);
    expect(markdown.trimEnd().endsWith('</details>')).toBe(true);
    expect(markdown).toContain('The hosts file sends gs.apple.com elsewhere');
  });

  it('keeps a check table whole when it fits', () => {
    const { report } = redactReport(draft(largeReport(60)), { personal: noPersonalValues(), includePersonal: false });
    const markdown = renderMarkdown(report);
    expect(markdown).not.toContain('more checks not shown');
    expect(markdown.match(/^\| (OK|Warning|Problem|Skipped) \|/gm)).toHaveLength(60);
  });

  it('escapes what Markdown or a forum would turn into markup', () => {
    const report = plantedReport();
    report.checks[0] = { ...report.checks[0]!, detail: '</details><script>alert(1)</script> | *bold* `tick`' } as (typeof report.checks)[0];
    const { report: safe } = redactReport(draft(report), { personal: noPersonalValues(), includePersonal: false });
    const markdown = renderMarkdown(safe);
    expect(markdown).not.toContain('<script>');
    expect(markdown.match(/<\/details>/g)).toHaveLength(1);
    expect(markdown).toContain('\\</details\\>\\<script\\>');
  });
});

describe('the HTML format', () => {
  const html = () => render(false).outputs.find(([format]) => format === 'html')?.[1] ?? '';

  it('is one self-contained file: inline CSS, no scripts, nothing from the network', () => {
    const text = html();
    expect(text).toContain('<style>');
    expect(text).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
    expect(text).toContain(`default-src 'none'`);
  });

  it('prints light in dark mode, repeats table headers and keeps cards whole', () => {
    const text = html();
    expect(text).toMatch(/@media screen and \(prefers-color-scheme: dark\)/);
    expect(text).not.toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(text).toMatch(/thead \{ display: table-header-group; \}/);
    expect(text).toMatch(/\.sd-card \{[^}]*break-inside: avoid/);
  });

  it('escapes text from the checks', () => {
    const report = plantedReport();
    report.checks[0] = { ...report.checks[0]!, detail: '<img src=x onerror=alert(1)> & "quoted"' } as (typeof report.checks)[0];
    const { report: safe } = redactReport(draft(report), { personal: noPersonalValues(), includePersonal: false });
    const text = renderReportText(safe, 'html');
    expect(text).not.toContain('<img');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;');
  });
});
