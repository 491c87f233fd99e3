import { bypasses } from './bypass';
import { redactProxyText } from './redact';
import { proxySettingFrom, type ProxySetting } from './setting';
import type { RegValue } from '../platform/reg-query';

export interface InternetSettings {
  enabled: boolean;
  server?: string;
  override: string[];
  autoConfigUrl?: string;
}

/** WinINet (Internet Options) settings of the current user, from reg query values. Pure. */
export function internetSettingsFrom(values: readonly RegValue[]): InternetSettings {
  const get = (name: string) => values.find((value) => value.name.toLowerCase() === name.toLowerCase());
  const enable = get('ProxyEnable');
  const server = get('ProxyServer')?.data.trim();
  const auto = get('AutoConfigURL')?.data.trim();
  return {
    enabled: enable !== undefined && Number.parseInt(enable.data, enable.data.startsWith('0x') ? 16 : 10) === 1,
    ...(server ? { server } : {}),
    override: (get('ProxyOverride')?.data ?? '').split(';').filter((rule) => rule.trim() !== ''),
    ...(auto ? { autoConfigUrl: auto } : {}),
  };
}

/** The proxy WinINet settings give a web request to host:port. Pure. */
export function internetSettingsProxy(settings: InternetSettings, host: string, port: number): ProxySetting {
  const source = 'Windows Internet Settings';
  if (settings.autoConfigUrl) return { kind: 'pac', url: redactProxyText(settings.autoConfigUrl), source };
  if (!settings.enabled || !settings.server) return { kind: 'direct', source };
  if (bypasses(settings.override, host, port)) return { kind: 'direct', source: `${source} (bypass list)` };
  const server = pickForScheme(settings.server, port === 80 ? 'http' : 'https');
  if (!server) return { kind: 'direct', source };
  return proxySettingFrom(server, source, settings.server);
}

/** "http=a:80;https=b:443" or one address for all. */
export function pickForScheme(server: string, scheme: 'http' | 'https'): string | undefined {
  if (!server.includes('=')) return server;
  for (const part of server.split(';')) {
    const [name, value] = part.split('=');
    if (name?.trim().toLowerCase() === scheme && value?.trim()) return value.trim();
  }
  return undefined;
}

export interface WinHttpSettings {
  proxy?: string;
  bypass: string[];
}

/**
 * Decodes the WinHttpSettings REG_BINARY (what `netsh winhttp set proxy` writes): a version
 * DWORD, a counter, flags (1 direct, 3 proxy), then the proxy and bypass strings, each after its
 * little-endian length. `reg` prints it as hex. Pure; undefined when the blob does not fit.
 */
export function parseWinHttpSettings(hex: string): WinHttpSettings | undefined {
  const clean = hex.replace(/\s+/g, '');
  if (!/^([0-9a-f]{2})+$/i.test(clean)) return undefined;
  const bytes = Buffer.from(clean, 'hex');
  if (bytes.length < 16) return undefined;
  const flags = bytes.readUInt32LE(8);
  const proxyLength = bytes.readUInt32LE(12);
  if (16 + proxyLength + 4 > bytes.length) return undefined;
  const proxy = bytes.subarray(16, 16 + proxyLength).toString('latin1');
  const bypassLength = bytes.readUInt32LE(16 + proxyLength);
  const bypassStart = 20 + proxyLength;
  if (bypassStart + bypassLength > bytes.length) return undefined;
  const bypass = bytes.subarray(bypassStart, bypassStart + bypassLength).toString('latin1');
  return {
    ...((flags & 2) !== 0 && proxy ? { proxy } : {}),
    bypass: bypass.split(';').filter((rule) => rule.trim() !== ''),
  };
}

export function winHttpProxy(settings: WinHttpSettings, host: string, port: number): ProxySetting {
  const source = 'WinHTTP';
  if (!settings.proxy) return { kind: 'direct', source };
  if (bypasses(settings.bypass, host, port)) return { kind: 'direct', source: `${source} (bypass list)` };
  const server = pickForScheme(settings.proxy, port === 80 ? 'http' : 'https');
  if (!server) return { kind: 'direct', source };
  return proxySettingFrom(server, source, settings.proxy);
}
