import { redactProxyText, safe } from './redact';
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
  // Everything after the type is the address, spaces and all: it is never cut at a space.
  const space = first.search(/\s/);
  const type = space < 0 ? first : first.slice(0, space);
  const address = space < 0 ? '' : first.slice(space).trim();
  // A problem quotes the whole answer, redacted as a whole: a password could hold a ";" too.
  if (type.toUpperCase() !== 'PROXY') {
    const named = /^[a-z0-9]{1,12}$/i.test(type) ? safe` (${redactProxyText(type)})` : safe``;
    return { kind: 'invalid', why: safe`the proxy "${redactProxyText(result.trim())}" is of a type this check cannot use${named}`, source };
  }
  return proxySettingFrom(address, source, result);
}
