import { parseProxyAddress, type ProxyEndpoint } from './endpoint';
import { redactProxyText, type RedactedText } from './redact';

/** What one source of proxy settings says for one target. Nothing in it quotes a password (see redact.ts). */
export type ProxySetting =
  | { kind: 'direct'; source: string }
  | { kind: 'proxy'; endpoint: ProxyEndpoint; source: string }
  /** A PAC script or auto-detection that this process cannot evaluate (the CLI; the app can). */
  | { kind: 'pac'; url: RedactedText; source: string }
  | { kind: 'invalid'; why: RedactedText; source: string };

/**
 * What a source says when it names this proxy address: the proxy, or why the address is unusable.
 * `setting` is the whole value the address was cut from (a per-scheme list, a PAC entry): a
 * problem quotes that, redacted as a whole.
 */
export function proxySettingFrom(address: string, source: string, setting: string = address): ProxySetting {
  const parsed = parseProxyAddress(address, 80, redactProxyText(setting.trim()));
  return parsed.kind === 'ok' ? { kind: 'proxy', endpoint: parsed.endpoint, source } : { kind: 'invalid', why: parsed.why, source };
}
