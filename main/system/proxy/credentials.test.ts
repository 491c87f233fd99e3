import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proxyFromEnv } from '../../proxy/env';
import { scutilProxy, parseScutilProxy } from '../../proxy/mac';
import { proxyFromPacResult } from '../../proxy/pac-result';
import { redactProxyText } from '../../proxy/redact';
import { proxyRouter } from '../../proxy/router';
import type { ProxySetting } from '../../proxy/setting';
import { internetSettingsFrom, internetSettingsProxy, parseWinHttpSettings, winHttpProxy } from '../../proxy/windows';
import { parseRegQuery } from '../../platform/reg-query';
import { chooseProxy } from '../../proxy/router';
import { judgeProxy, proxyTasks } from './tasks';

// A proxy password must never leave the code that parses it: not in the proxy check's detail,
// not in its facts, so not in the CLI table, the JSON report or the window.

const PASSWORD = 's3cr3t/p#w?d x';

/** Everything the proxy check reports for these settings, as the report would carry it. */
function reported(answers: ProxySetting[]): string {
  return JSON.stringify(judgeProxy(answers, chooseProxy(answers)));
}

const regQuery = (server: string, extra = '') =>
  `\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n    ProxyEnable    REG_DWORD    0x1\r\n    ProxyServer    REG_SZ    ${server}\r\n${extra}`;

const scutil = (proxy: string) => `<dictionary> {\n  HTTPSEnable : 1\n  HTTPSPort : 3129\n  HTTPSProxy : ${proxy}\n}\n`;

function winHttpBlob(proxy: string): string {
  const text = Buffer.from(proxy, 'latin1');
  const head = Buffer.alloc(16);
  head.writeUInt32LE(0x28, 0);
  head.writeUInt32LE(3, 8);
  head.writeUInt32LE(text.length, 12);
  return Buffer.concat([head, text, Buffer.alloc(4)]).toString('hex');
}

/** Values that do not parse as a URL, each hiding PASSWORD the way people type it. */
const MALFORMED = [
  `http://alice:${PASSWORD}@proxy.corp.example:3128`,
  `alice:${PASSWORD}@proxy.corp.example:3128`,
  `http://alice:${PASSWORD}@proxy.corp.example:99999`,
  `http://alice:${PASSWORD}@proxy.corp.example:port`,
  `socks5://alice:${PASSWORD}@proxy.corp.example:1080`,
];

describe('a proxy password never reaches the report', () => {
  it('from a malformed https_proxy, through the real proxy check', async () => {
    for (const value of MALFORMED) {
      const [https] = proxyTasks(proxyRouter({ env: { https_proxy: value }, ignoreOsSettings: true }));
      const result = await https!.run(AbortSignal.timeout(5000));
      expect(result, value).toMatchObject({ reason: 'proxy-invalid' });
      expect(JSON.stringify(result), value).not.toContain('s3cr3t');
    }
  });

  it('from Windows Internet Settings and WinHTTP', () => {
    for (const value of MALFORMED) {
      const internet = internetSettingsProxy(internetSettingsFrom(parseRegQuery(regQuery(value))), 'gs.apple.com', 443);
      const perScheme = internetSettingsProxy(
        internetSettingsFrom(parseRegQuery(regQuery(`http=proxy:80;https=${value}`))),
        'gs.apple.com',
        443,
      );
      const winHttp = winHttpProxy(parseWinHttpSettings(winHttpBlob(value))!, 'gs.apple.com', 443);
      for (const answer of [internet, perScheme, winHttp]) {
        expect(answer.kind, value).toBe('invalid');
        expect(reported([answer]), value).not.toContain('s3cr3t');
      }
    }
  });

  it('from a PAC script address in Windows or macOS settings', () => {
    const pacUrl = `http://alice:${PASSWORD}@wpad.corp.example/proxy.pac`;
    const windows = internetSettingsProxy(
      internetSettingsFrom(parseRegQuery(regQuery('proxy:80', `    AutoConfigURL    REG_SZ    ${pacUrl}\r\n`))),
      'gs.apple.com',
      443,
    );
    const mac = scutilProxy(
      parseScutilProxy(`<dictionary> {\n  ProxyAutoConfigEnable : 1\n  ProxyAutoConfigURLString : ${pacUrl}\n}\n`),
      'gs.apple.com',
      443,
    );
    for (const answer of [windows, mac]) {
      expect(answer).toMatchObject({ kind: 'pac', url: 'http://…@wpad.corp.example/proxy.pac' });
      expect(reported([answer])).not.toContain('s3cr3t');
    }
  });

  it('from macOS network settings', () => {
    for (const value of MALFORMED) {
      const answer = scutilProxy(parseScutilProxy(scutil(value)), 'gs.apple.com', 443);
      expect(reported([answer]), value).not.toContain('s3cr3t');
    }
  });

  it('from a PAC result of a type the check cannot use', () => {
    const answer = proxyFromPacResult(`HTTPS alice:${PASSWORD}@proxy.corp.example:443; DIRECT`);
    expect(answer.kind).toBe('invalid');
    expect(reported([answer])).not.toContain('s3cr3t');
  });

  it('for any password in any of those places (property)', () => {
    // A marker at both ends: a leak of the whole password or of either end of it shows.
    // Rich in the characters that break a URL or split a setting.
    const unit = fc.oneof(fc.constantFrom(...'/#?@;=: %[]\t,'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }));
    const password = fc.string({ maxLength: 40, unit }).map((middle) => `Qz8${middle}8zQ`);
    const template = fc.constantFrom(
      (pw: string) => `http://alice:${pw}@proxy.corp.example:3128`,
      (pw: string) => `alice:${pw}@proxy.corp.example:3128`,
      (pw: string) => `http://alice:${pw}@proxy.corp.example:99999`,
      (pw: string) => `http://alice:${pw}@[::1:3128`,
      (pw: string) => `https://${pw}@proxy`,
      (pw: string) => `http=x:1;https=alice:${pw}@proxy:3128`,
    );
    fc.assert(
      fc.property(password, template, (pw, make) => {
        const value = make(pw);
        const answers: ProxySetting[] = [
          proxyFromEnv({ https_proxy: value }, 'gs.apple.com', 443),
          internetSettingsProxy({ enabled: true, server: value, override: [] }, 'gs.apple.com', 443),
          winHttpProxy({ proxy: value, bypass: [] }, 'gs.apple.com', 443),
          scutilProxy({ values: { HTTPSEnable: '1', HTTPSProxy: value }, exceptions: [] }, 'gs.apple.com', 443),
          proxyFromPacResult(`PROXY ${value}`),
          proxyFromPacResult(`SOCKS ${value}`),
          internetSettingsProxy({ enabled: false, override: [], autoConfigUrl: value }, 'gs.apple.com', 443),
        ];
        for (const answer of answers) {
          const text = reported([answer]);
          expect(text).not.toContain('Qz8');
          expect(text).not.toContain('8zQ');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('redactProxyText', () => {
  it('keeps the scheme and what follows the last "@", and cuts the rest', () => {
    expect(redactProxyText('http://alice:pw@proxy:3128')).toBe('http://…@proxy:3128');
    expect(redactProxyText('alice:p@ss w/rd@proxy:3128')).toBe('…@proxy:3128');
    expect(redactProxyText('proxy.corp.example:8080')).toBe('proxy.corp.example:8080');
    expect(redactProxyText(`x${'a'.repeat(300)}`)).toHaveLength(101);
    expect(redactProxyText('a\r\nb')).toBe('a??b');
  });
});
