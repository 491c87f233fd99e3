import { proxySettingFrom, type ProxySetting } from './setting';

/**
 * Reads the answer of a PAC evaluation as Chromium (Electron's session.resolveProxy) gives it:
 * "DIRECT", "PROXY host:port; DIRECT", "HTTPS host:443", "SOCKS5 host:1080". The first entry is
 * what the browser tries first. Pure.
 */
export function proxyFromPacResult(result: string, source = 'system proxy (resolveProxy)'): ProxySetting {
  const first = result
    .split(';')
    .map((part) => part.trim())
    .find((part) => part !== '');
  if (!first || /^direct$/i.test(first)) return { kind: 'direct', source };
  const [type = '', address = ''] = first.split(/\s+/);
  if (type.toUpperCase() !== 'PROXY') {
    return { kind: 'invalid', why: `the proxy "${first.slice(0, 100)}" is of a type this check cannot use (${type})`, source };
  }
  return proxySettingFrom(address, source);
}
