import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCatalogText } from '../app/catalog/load';
import builtinJson from '../app/catalog/catalog.json';
import { MAX_HEAD_BYTES, ResponseHeadReader } from './probes/http-head';
import { proxyFromEnv } from './proxy/env';
import { parseScutilProxy, scutilProxy } from './proxy/mac';
import { proxyFromPacResult } from './proxy/pac-result';
import type { ProxySetting } from './proxy/setting';
import { internetSettingsFrom, internetSettingsProxy, parseWinHttpSettings, winHttpProxy } from './proxy/windows';
import { parseRegQuery } from './platform/reg-query';
import { judgeMacFirewall } from './system/firewall/tasks';
import { parseListApps } from './system/firewall/socketfilterfw';
import { decodeHostsBytes } from './system/hosts/decode';
import { findAppleEntries } from './system/hosts/match';
import { MAX_MALFORMED_KEPT, parseHosts } from './system/hosts/parse';
import { parseLsofFields } from './system/listeners/lsof';
import { parseNetstat } from './system/listeners/netstat';
import { parseLaunchctlPrint } from './system/services/launchctl';
import { parseScQc, parseScQueryState } from './system/services/sc';
import { hostMatchesPattern } from './platform/wildcard';

// Every parser of outside input (what a server, a command or a file says), fed input shaped like
// the real thing but hostile in its details. Each must answer, never throw, and stay within its
// caps. Time is bounded by construction (linear parsers, size caps), so nothing here measures it.

const lines = (items: readonly string[], eol: fc.Arbitrary<string> = fc.constantFrom('\r\n', '\n')) =>
  eol.map((separator) => items.join(separator));
/** Text rich in what breaks line parsers: runs of spaces, tabs, colons, quotes, brackets, control characters. */
const nasty = fc.string({
  unit: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(' ', '  ', '    ', '\t', ':', '=', '"', '[', ']', '{', '}', '(', ')', ';', '@', '*', '.', '\0', '\r'),
    },
    { weight: 4, arbitrary: fc.constantFrom('a', 'Z', '0', '9', 'REG_SZ', 'RUNNING', 'PATH', 'HKEY_X', '->', '.exe', 'é') },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }) },
  ),
  maxLength: 60,
});
const kinds = <T extends { kind: string }>(value: T, allowed: readonly T['kind'][]) => expect(allowed).toContain(value.kind);

function expectUsableSetting(setting: ProxySetting): void {
  kinds(setting, ['direct', 'proxy', 'pac', 'invalid']);
  if (setting.kind === 'proxy') {
    expect(setting.endpoint.port).toBeGreaterThanOrEqual(0);
    expect(setting.endpoint.port).toBeLessThanOrEqual(65535);
    expect(setting.endpoint.label).not.toContain('@');
  }
}

describe('HTTP response heads', () => {
  const token = fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,12}$/);
  const field = fc.tuple(fc.oneof(token, nasty), fc.oneof(nasty, fc.webUrl())).map(([name, value]) => `${name}: ${value}`);
  const head = fc
    .tuple(
      fc.integer({ min: 100, max: 599 }),
      nasty,
      fc.array(
        fc.oneof(
          field,
          nasty.map((text) => ` ${text}`),
        ),
        { maxLength: 8 },
      ),
    )
    .map(([status, text, fields]) => [`HTTP/1.1 ${status} ${text}`, ...fields].join('\r\n') + '\r\n\r\n');
  const response = fc
    .tuple(fc.array(head, { maxLength: 6 }), fc.oneof(fc.constant(''), nasty))
    .map(([heads, tail]) => heads.join('') + tail);

  it('read chunk by chunk: an answer or garbage, never more than the cap held, never a throw', () => {
    fc.assert(
      fc.property(response, fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 30 }), (text, sizes) => {
        const bytes = Buffer.from(text, 'latin1');
        const reader = new ResponseHeadReader();
        let outcome = reader.push(Buffer.alloc(0));
        let at = 0;
        for (const size of [...sizes, bytes.length]) {
          if (outcome.kind !== 'incomplete' || at >= bytes.length) break;
          outcome = reader.push(bytes.subarray(at, at + size));
          at += size;
        }
        kinds(outcome, ['incomplete', 'head', 'garbage']);
        if (outcome.kind === 'head') {
          expect(outcome.length).toBeLessThanOrEqual(MAX_HEAD_BYTES);
          expect(outcome.status).toBeGreaterThanOrEqual(100);
          expect(outcome.status === 101 || outcome.status >= 200).toBe(true);
          expect(reader.rest().length).toBeLessThanOrEqual(at - outcome.length);
        }
        if (outcome.kind === 'incomplete') expect(at).toBeLessThanOrEqual(MAX_HEAD_BYTES + 64);
      }),
      { numRuns: 500 },
    );
  });

  it('stops any endless stream of heads at the cap', () => {
    fc.assert(
      fc.property(fc.array(head, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 4096 }), (heads, chunk) => {
        const interim = heads.map((text) => text.replace(/^HTTP\/1\.1 \d{3}/, 'HTTP/1.1 100')).join('');
        const reader = new ResponseHeadReader();
        let fed = 0;
        let outcome = reader.push(Buffer.alloc(0));
        const bytes = Buffer.from(interim.repeat(Math.ceil((3 * MAX_HEAD_BYTES) / interim.length)), 'latin1');
        while (outcome.kind === 'incomplete' && fed < bytes.length) {
          outcome = reader.push(bytes.subarray(fed, fed + chunk));
          fed += chunk;
        }
        expect(outcome.kind).toBe('garbage');
        expect(fed).toBeLessThanOrEqual(MAX_HEAD_BYTES + chunk);
      }),
      { numRuns: 100 },
    );
  });
});

describe('reg query output (Internet Settings, WinHTTP, DataBasePath)', () => {
  const type = fc.constantFrom('REG_SZ', 'REG_DWORD', 'REG_BINARY', 'REG_EXPAND_SZ', 'REG_MULTI_SZ', 'REG_', 'REG_SZ ');
  const value = fc
    .tuple(fc.constantFrom('ProxyEnable', 'ProxyServer', 'ProxyOverride', 'AutoConfigURL', 'WinHttpSettings'), nasty, type, nasty, nasty)
    .map(([name, extra, kind, gap, data]) => `    ${name}${extra}${gap.includes('  ') ? gap : '    '}${kind}    ${data}`);
  const output = fc
    .array(fc.oneof(value, fc.constant('HKEY_CURRENT_USER\\Software'), nasty, fc.constant('    ProxyEnable    REG_DWORD    0x1')), {
      maxLength: 25,
    })
    .chain((items) => lines(items));

  it('gives at most one value a line, and settings the proxy check can use', () => {
    fc.assert(
      fc.property(output, fc.constantFrom(80, 443), (text, port) => {
        const values = parseRegQuery(text);
        expect(values.length).toBeLessThanOrEqual(text.split('\n').length);
        for (const entry of values) expect(entry.type).toMatch(/^REG_[A-Z_]+$/);
        expectUsableSetting(internetSettingsProxy(internetSettingsFrom(values), 'gs.apple.com', port));
        const blob = values.find((entry) => entry.name === 'WinHttpSettings');
        const winHttp = blob ? parseWinHttpSettings(blob.data) : undefined;
        if (winHttp) expectUsableSetting(winHttpProxy(winHttp, 'gs.apple.com', port));
      }),
      { numRuns: 500 },
    );
  });
});

describe('sc query and sc qc output', () => {
  const state = fc.constantFrom('RUNNING', 'STOPPED', 'START_PENDING', 'AUTO_START', 'DISABLED', 'WEIRD', '');
  const line = fc.oneof(
    fc
      .tuple(fc.constantFrom('STATE', 'ÉTAT', 'START_TYPE', 'STARTTYP', 'BINARY_PATH_NAME', 'CHEMIN'), nasty, fc.nat(9), state, nasty)
      .map(([label, gap, number, word, tail]) => `        ${label}${gap}: ${number}  ${word}${tail}`),
    fc.tuple(nasty, nasty).map(([before, after]) => `        BINARY_PATH_NAME   : ${before}.exe${after}`),
    nasty,
  );

  it('name a known state and start type, or none', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }).chain(lines), (text) => {
        const found = parseScQueryState(text);
        if (found)
          expect(['STOPPED', 'START_PENDING', 'STOP_PENDING', 'RUNNING', 'CONTINUE_PENDING', 'PAUSE_PENDING', 'PAUSED']).toContain(found);
        const config = parseScQc(text);
        if (config.startType) expect(['BOOT_START', 'SYSTEM_START', 'AUTO_START', 'DEMAND_START', 'DISABLED']).toContain(config.startType);
        if (config.binaryPath !== undefined) expect(text).toContain(config.binaryPath);
      }),
      { numRuns: 500 },
    );
  });
});

describe('netstat -ano and lsof -F output', () => {
  const endpoint = fc.oneof(
    fc.tuple(fc.ipV4(), fc.nat(99_999)).map(([address, port]) => `${address}:${port}`),
    fc.tuple(fc.ipV6(), fc.nat(99_999)).map(([address, port]) => `[${address}]:${port}`),
    nasty,
  );
  const netstatRow = fc
    .tuple(
      fc.constantFrom('TCP', 'UDP', 'tcp', 'XYZ'),
      endpoint,
      fc.constantFrom('0.0.0.0:0', '[::]:0', '*:*'),
      nasty,
      fc.oneof(fc.nat(), nasty),
    )
    .map((fields) => `  ${fields.join('    ')}`);
  const lsofLine = fc.oneof(
    fc.oneof(fc.nat(), nasty).map((pid) => `p${pid}`),
    nasty.map((name) => `c${name}`),
    fc.constant('f3'),
    fc.constantFrom('PTCP', 'PUDP', 'Pfoo'),
    endpoint.map((name) => `n${name}`),
    endpoint.map((name) => `n${name}->1.2.3.4:5`),
  );

  it('give listeners with real ports, at most one a line', () => {
    fc.assert(
      fc.property(
        fc.array(netstatRow, { maxLength: 20 }).chain(lines),
        fc.array(lsofLine, { maxLength: 30 }).chain(lines),
        (netstat, lsof) => {
          const fromNetstat = parseNetstat(netstat);
          const fromLsof = parseLsofFields(lsof);
          expect(fromNetstat.length).toBeLessThanOrEqual(netstat.split('\n').length);
          expect(fromLsof.length).toBeLessThanOrEqual(lsof.split('\n').length);
          for (const listener of [...fromNetstat, ...fromLsof]) {
            expect(Number.isInteger(listener.port)).toBe(true);
            expect(listener.port).toBeLessThanOrEqual(65535);
            expect(['tcp', 'udp']).toContain(listener.protocol);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('scutil --proxy, launchctl print and socketfilterfw output', () => {
  const key = fc.constantFrom(
    'HTTPEnable',
    'HTTPSEnable',
    'HTTPProxy',
    'HTTPSProxy',
    'HTTPPort',
    'HTTPSPort',
    'ProxyAutoConfigEnable',
    'ProxyAutoConfigURLString',
    'ProxyAutoDiscoveryEnable',
    'state',
    'pid',
    'program',
  );
  const line = fc.oneof(
    fc.tuple(key, fc.oneof(fc.constantFrom('1', '0', '3128', 'proxy.corp.example'), nasty)).map(([name, value]) => `  ${name} : ${value}`),
    fc.tuple(key, nasty).map(([name, value]) => `\t${name} = ${value}`),
    fc.constant('  ExceptionsList : <array> {'),
    nasty.map((item) => `    0 : ${item}`),
    fc.constantFrom('}', '<dictionary> {', 'system/com.apple.usbmuxd = {'),
    nasty,
  );

  it('never throw, and give settings the proxy check can use', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }).chain(lines), fc.integer({ min: -1, max: 200 }), (text, code) => {
        const parsed = parseScutilProxy(text);
        expect(parsed.exceptions.length).toBeLessThanOrEqual(text.split('\n').length);
        expectUsableSetting(scutilProxy(parsed, 'gs.apple.com', 443));
        kinds(parseLaunchctlPrint(text, code), ['missing', 'not-understood', 'found']);
        expect(parseListApps(text).length).toBeLessThanOrEqual(text.split('\n').length);
        const ran = { kind: 'ran' as const, stdout: text, stderr: '', exitCode: code };
        expect(['ok', 'warn', 'fail', 'skipped']).toContain(judgeMacFirewall(ran, ran, ran).status);
      }),
      { numRuns: 500 },
    );
  });
});

describe('hosts files', () => {
  const address = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('0.0.0.0', '::1', '127.0.0.1', '999.1.1.1'), nasty);
  const name = fc.oneof(fc.domain(), fc.constantFrom('gs.apple.com', 'GS.Apple.COM.', 'x.mzstatic.com', '*'), nasty);
  const line = fc.oneof(
    fc
      .tuple(address, fc.array(name, { maxLength: 4 }), fc.oneof(fc.constant(''), nasty))
      .map(([a, n, c]) => `${a}\t${n.join(' ')}${c ? ` #${c}` : ''}`),
    nasty,
  );

  it('keep at most the first few malformed lines, count them all, and quote lines shortly', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 40 }).chain((items) => lines(items, fc.constantFrom('\r\n', '\n', '\r'))),
        (text) => {
          const parsed = parseHosts(decodeHostsBytes(Buffer.from(text, 'utf8')).text);
          expect(parsed.malformed.length).toBeLessThanOrEqual(MAX_MALFORMED_KEPT);
          expect(parsed.malformedCount).toBeGreaterThanOrEqual(parsed.malformed.length);
          // A line adds at most one entry and notes at most one problem (a line with one bad name of several does both).
          expect(parsed.entries.length).toBeLessThanOrEqual(parsed.lines);
          expect(parsed.malformedCount).toBeLessThanOrEqual(parsed.lines);
          for (const entry of [...parsed.entries, ...parsed.malformed]) expect(entry.text.length).toBeLessThanOrEqual(201);
          findAppleEntries(parsed.entries, { patterns: ['*.mzstatic.com', 'gg*.apple.com', 'gs.apple.com'], hosts: ['gs.apple.com'] });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('catalog files', () => {
  const starry = fc
    .string({ unit: fc.constantFrom('*', '.', 'a', 'g', '-', '_', 'x'), minLength: 1, maxLength: 30 })
    .map((text) => `${text}.apple.com`);

  it('accept only the wildcard forms that match in linear time, and match with them', () => {
    fc.assert(
      fc.property(starry, fc.domain(), (pattern, host) => {
        const catalog = structuredClone(builtinJson) as { servers: { pattern: string; host?: string }[] };
        // With a concrete host, so that only the pattern itself can make the catalog invalid.
        catalog.servers[0]!.pattern = pattern;
        catalog.servers[0]!.host = 'gs.apple.com';
        const parsed = parseCatalogText(JSON.stringify(catalog), 'hostile.json');
        if (parsed.ok) {
          const stars = pattern.split('*').length - 1;
          expect(stars).toBeLessThanOrEqual(1);
          if (stars === 1) expect(pattern.startsWith('*.') || pattern.indexOf('*') < pattern.indexOf('.')).toBe(true);
        } else {
          for (const problem of parsed.problems) expect(problem).toMatch(/^hostile\.json: /);
        }
        hostMatchesPattern(pattern, host);
      }),
      { numRuns: 500 },
    );
  });
});

describe('proxy settings and PAC answers', () => {
  const address = fc.oneof(
    fc
      .tuple(
        fc.constantFrom('', 'http://', 'https://', 'socks5://', 'HTTP://'),
        fc.oneof(
          fc.constant(''),
          nasty.map((u) => `${u}@`),
        ),
        fc.oneof(
          fc.domain(),
          fc.ipV4(),
          fc.ipV6().map((a) => `[${a}]`),
          nasty,
        ),
        fc.oneof(
          fc.constant(''),
          fc.integer({ min: -1, max: 70_000 }).map((p) => `:${p}`),
          nasty,
        ),
      )
      .map((parts) => parts.join('')),
    nasty,
  );
  const pac = fc
    .array(fc.tuple(fc.constantFrom('PROXY', 'DIRECT', 'HTTPS', 'SOCKS5', 'proxy', ''), address), { maxLength: 4 })
    .map((entries) => entries.map(([type, where]) => `${type} ${where}`).join('; '));

  it('say direct, a proxy with a real port and no password in its label, PAC or unusable', () => {
    fc.assert(
      fc.property(address, pac, fc.constantFrom(80, 443), (value, answer, port) => {
        for (const env of [
          { https_proxy: value, http_proxy: value },
          { ALL_PROXY: value, NO_PROXY: value },
        ]) {
          expectUsableSetting(proxyFromEnv(env, 'gs.apple.com', port));
        }
        expectUsableSetting(proxyFromPacResult(answer));
        expectUsableSetting(
          internetSettingsProxy({ enabled: true, server: `http=${value};https=${value}`, override: [value] }, 'gs.apple.com', port),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
