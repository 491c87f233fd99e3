import { parseProxyAddress, type ProxyEndpoint } from './endpoint';

/** What one source of proxy settings says for one target. */
export type ProxySetting =
  | { kind: 'direct'; source: string }
  | { kind: 'proxy'; endpoint: ProxyEndpoint; source: string }
  /** A PAC script or auto-detection that this process cannot evaluate (the CLI; the app can). */
  | { kind: 'pac'; url: string; source: string }
  | { kind: 'invalid'; why: string; source: string };

/** What a source says when it names this proxy address: the proxy, or why the address is unusable. */
export function proxySettingFrom(address: string, source: string): ProxySetting {
  const parsed = parseProxyAddress(address);
  return parsed.kind === 'ok' ? { kind: 'proxy', endpoint: parsed.endpoint, source } : { kind: 'invalid', why: parsed.why, source };
}
