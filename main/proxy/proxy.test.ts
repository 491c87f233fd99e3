import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readResponseHead } from '../probes/http-head';
import { bypasses } from './bypass';
import { judgeConnectAnswer } from './connector';
import { parseProxyAddress } from './endpoint';
import { proxyFromEnv } from './env';
import { parseScutilProxy, scutilProxy } from './mac';
import { proxyFromPacResult } from './pac-result';
import { proxyRouter } from './router';
import { internetSettingsFrom, internetSettingsProxy, parseWinHttpSettings, pickForScheme, winHttpProxy } from './windows';
import { parseRegQuery } from '../platform/reg-query';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(path.join(here, 'fixtures', name), 'utf8');
const signal = () => AbortSignal.timeout(5000);

describe('proxy addresses', () => {
  it('parses host:port, URLs with credentials and IPv6, and keeps the password out of the label', () => {
    expect(parseProxyAddress('proxy.corp.example:8080')).toEqual({
      kind: 'ok',
      endpoint: { host: 'proxy.corp.example', port: 8080, label: 'http://proxy.corp.example:8080' },
    });
    const withAuth = parseProxyAddress('http://alice:s%40cret@10.0.0.1:3128');
    expect(withAuth).toEqual({
      kind: 'ok',
      endpoint: { host: '10.0.0.1', port: 3128, label: 'http://10.0.0.1:3128', auth: { user: 'alice', password: 's@cret' } },
    });
    expect(parseProxyAddress('[::1]:3128')).toMatchObject({ kind: 'ok', endpoint: { host: '::1', port: 3128 } });
    expect(parseProxyAddress('socks5://127.0.0.1:1080')).toMatchObject({ kind: 'invalid' });
    expect(parseProxyAddress('')).toMatchObject({ kind: 'invalid' });
    expect(parseProxyAddress('http://')).toMatchObject({ kind: 'invalid' });
  });
});

describe('environment variables', () => {
  it('use https_proxy for 443, http_proxy for 80, ALL_PROXY as fallback, and NO_PROXY', () => {
    const env = { HTTPS_PROXY: 'http://secure:3129', http_proxy: 'plain:3128', NO_PROXY: 'localhost,.internal.example' };
    expect(proxyFromEnv(env, 'gs.apple.com', 443)).toMatchObject({
      kind: 'proxy',
      endpoint: { host: 'secure', port: 3129 },
      source: 'environment HTTPS_PROXY',
    });
    expect(proxyFromEnv(env, 'gs.apple.com', 80)).toMatchObject({ kind: 'proxy', endpoint: { host: 'plain', port: 3128 } });
    expect(proxyFromEnv(env, 'a.internal.example', 443)).toMatchObject({ kind: 'direct' });
    expect(proxyFromEnv({ ALL_PROXY: 'all:1' }, 'x', 443)).toMatchObject({ kind: 'proxy', endpoint: { host: 'all' } });
    expect(proxyFromEnv({}, 'x', 443)).toMatchObject({ kind: 'direct' });
    expect(proxyFromEnv({ https_proxy: 'socks5://s:1' }, 'x', 443)).toMatchObject({ kind: 'invalid' });
  });

  it('bypass lists: <local>, wildcards, CIDR, ports', () => {
    expect(bypasses(['<local>'], 'intranet', 443)).toBe(true);
    expect(bypasses(['<local>'], 'gs.apple.com', 443)).toBe(false);
    expect(bypasses(['*.apple.com'], 'gs.apple.com', 443)).toBe(true);
    expect(bypasses(['10.*'], '10.1.2.3', 443)).toBe(true);
    expect(bypasses(['169.254/16'], '169.254.9.9', 80)).toBe(true);
    expect(bypasses(['169.254/16'], '169.255.9.9', 80)).toBe(false);
    expect(bypasses(['apple.com:80'], 'gs.apple.com', 443)).toBe(false);
    expect(bypasses(['apple.com:80'], 'gs.apple.com', 80)).toBe(true);
    expect(bypasses(['*'], 'anything', 1)).toBe(true);
  });
});

describe('Windows settings (captured reg query output)', () => {
  it('reads Internet Settings with a manual proxy and a bypass list', () => {
    const settings = internetSettingsFrom(parseRegQuery(fixture('reg-internet-settings-proxy.txt')));
    expect(settings).toEqual({ enabled: true, server: 'proxy.corp.example:8080', override: ['<local>', '*.corp.example', '10.*'] });
    expect(internetSettingsProxy(settings, 'gs.apple.com', 443)).toMatchObject({
      kind: 'proxy',
      endpoint: { label: 'http://proxy.corp.example:8080' },
      source: 'Windows Internet Settings',
    });
    expect(internetSettingsProxy(settings, 'files.corp.example', 443)).toMatchObject({ kind: 'direct' });
  });

  it('reports a PAC script before a disabled manual proxy, and reads per-scheme servers', () => {
    const settings = internetSettingsFrom(parseRegQuery(fixture('reg-internet-settings-pac.txt')));
    expect(internetSettingsProxy(settings, 'gs.apple.com', 443)).toEqual({
      kind: 'pac',
      url: 'http://wpad.corp.example/proxy.pac',
      source: 'Windows Internet Settings',
    });
    expect(pickForScheme('http=old-proxy:3128;https=old-proxy:3129', 'https')).toBe('old-proxy:3129');
    expect(
      internetSettingsProxy(internetSettingsFrom(parseRegQuery(fixture('reg-internet-settings-direct.txt'))), 'gs.apple.com', 443),
    ).toMatchObject({ kind: 'direct' });
  });

  it('decodes the WinHttpSettings blob for direct and proxy', () => {
    const direct = parseRegQuery(fixture('reg-winhttp-direct.txt'))[0]!;
    expect(parseWinHttpSettings(direct.data)).toEqual({ bypass: [] });
    const blob = parseRegQuery(fixture('reg-winhttp-proxy.txt'))[0]!;
    const settings = parseWinHttpSettings(blob.data)!;
    expect(settings).toEqual({ proxy: 'proxy.corp.example:8080', bypass: ['<local>'] });
    expect(winHttpProxy(settings, 'gs.apple.com', 443)).toMatchObject({ kind: 'proxy', source: 'WinHTTP' });
    expect(parseWinHttpSettings('18000000')).toBeUndefined();
    expect(parseWinHttpSettings('zz')).toBeUndefined();
  });
});

describe('macOS scutil --proxy (captured)', () => {
  it('reads manual proxies with their exceptions', () => {
    const parsed = parseScutilProxy(fixture('scutil-proxy-manual.txt'));
    expect(parsed.exceptions).toEqual(['*.local', '169.254/16', '*.corp.example']);
    expect(scutilProxy(parsed, 'gs.apple.com', 443)).toMatchObject({ kind: 'proxy', endpoint: { host: 'proxy.corp.example', port: 3129 } });
    expect(scutilProxy(parsed, 'gs.apple.com', 80)).toMatchObject({ kind: 'proxy', endpoint: { port: 3128 } });
    expect(scutilProxy(parsed, 'printer.local', 443)).toMatchObject({ kind: 'direct' });
  });

  it('reports a PAC URL, and no proxy', () => {
    expect(scutilProxy(parseScutilProxy(fixture('scutil-proxy-pac.txt')), 'gs.apple.com', 443)).toMatchObject({
      kind: 'pac',
      url: 'http://wpad.corp.example/proxy.pac',
    });
    expect(scutilProxy(parseScutilProxy(fixture('scutil-proxy-none.txt')), 'gs.apple.com', 443)).toMatchObject({ kind: 'direct' });
  });
});

describe('Electron resolveProxy answers', () => {
  it('takes the first entry the browser would try', () => {
    expect(proxyFromPacResult('DIRECT')).toMatchObject({ kind: 'direct' });
    expect(proxyFromPacResult('PROXY proxy.corp.example:8080; DIRECT')).toMatchObject({ kind: 'proxy', endpoint: { port: 8080 } });
    expect(proxyFromPacResult('SOCKS5 s:1080')).toMatchObject({ kind: 'invalid' });
    expect(proxyFromPacResult('')).toMatchObject({ kind: 'direct' });
  });

  it('is used first by the router, and only for web ports', async () => {
    const router = proxyRouter({
      env: {},
      ignoreOsSettings: true,
      resolveProxy: (url) => Promise.resolve(url.startsWith('https://gs.apple.com') ? 'PROXY 127.0.0.1:3128' : 'DIRECT'),
    });
    expect(await router.route('gs.apple.com', 443, signal())).toMatchObject({ kind: 'proxy', source: 'system proxy (resolveProxy)' });
    expect(await router.route('gs.apple.com', 5223, signal())).toMatchObject({ kind: 'direct' });
    expect(await router.route('mesu.apple.com', 443, signal())).toMatchObject({ kind: 'direct' });
  });
});

describe('proxy answers to CONNECT', () => {
  it('words 407, 401, 403 and 502', () => {
    expect(judgeConnectAnswer(407, '', 'the proxy p', 'gs.apple.com', 443, false)).toMatchObject({ reason: 'http-blocked' });
    expect(judgeConnectAnswer(401, '', 'the proxy p', 'gs.apple.com', 443, true).detail).toContain('rejected the user name and password');
    expect(judgeConnectAnswer(403, 'Access violation', 'the proxy p', 'gs.apple.com', 443, false).detail).toContain('refuses to connect');
    expect(judgeConnectAnswer(502, '', 'the proxy p', 'gs.apple.com', 443, false)).toMatchObject({ reason: 'tcp-unreachable' });
  });
});

describe('reg query on hostile lines', () => {
  it('reads a very long line in one pass (a line pattern took cubic time on a few thousand spaces)', () => {
    const spaces = ' '.repeat(3_000);
    expect(parseRegQuery(`HKEY_CURRENT_USER\\X\r\n    ${spaces}PATH${spaces}\r\n    ProxyServer    REG_SZ    a${spaces}b`)).toEqual([
      { name: 'ProxyServer', type: 'REG_SZ', data: `a${spaces}b` },
    ]);
  });

  it('stays linear on a line of a megabyte', () => {
    const huge = ' '.repeat(1_000_000);
    expect(parseRegQuery(`    Name${huge}REG_SZ${huge}value${huge}`)).toEqual([{ name: 'Name', type: 'REG_SZ', data: 'value' }]);
  });

  it('keeps single spaces in names and data, and a value with no data', () => {
    expect(
      parseRegQuery(
        '    User Agent    REG_SZ    Mozilla/4.0 (compatible; MSIE 8.0)\r\n    Empty    REG_SZ\r\n    A  B    REG_DWORD    0x1',
      ),
    ).toEqual([
      { name: 'User Agent', type: 'REG_SZ', data: 'Mozilla/4.0 (compatible; MSIE 8.0)' },
      { name: 'Empty', type: 'REG_SZ', data: '' },
      { name: 'A  B', type: 'REG_DWORD', data: '0x1' },
    ]);
  });
});

describe('proxy parsers never throw (property)', () => {
  it('keeps a stray % in a proxy user name as typed (fast-check found "%@&" threw URIError)', () => {
    expect(parseProxyAddress('%@&')).toMatchObject({ kind: 'ok', endpoint: { auth: { user: '%', password: '' } } });
  });

  it('on garbage', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 1500 }), fc.string({ maxLength: 60 }), fc.nat(70000), (text, host, port) => {
        parseProxyAddress(text);
        proxyFromEnv({ https_proxy: text, no_proxy: text }, host, port);
        internetSettingsProxy(internetSettingsFrom(parseRegQuery(text)), host, port);
        parseWinHttpSettings(text);
        scutilProxy(parseScutilProxy(text), host, port);
        proxyFromPacResult(text);
        readResponseHead(Buffer.from(text));
        bypasses(text.split(/[,;]/), host, port);
      }),
    );
  });

  it('on hex blobs', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => void parseWinHttpSettings(Buffer.from(bytes).toString('hex'))));
  });
});
