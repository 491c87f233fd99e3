import { bypasses } from './bypass';
import { redactProxyText, safe } from './redact';
import { proxySettingFrom, type ProxySetting } from './setting';

export interface ScutilProxies {
  values: Record<string, string>;
  exceptions: string[];
}

/** Parses `scutil --proxy` (a printed CFDictionary). Pure. */
export function parseScutilProxy(text: string): ScutilProxies {
  const values: Record<string, string> = {};
  const exceptions: string[] = [];
  let inExceptions = false;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (/^ExceptionsList\s*:\s*<array>\s*\{$/.test(trimmed)) {
      inExceptions = true;
      continue;
    }
    if (inExceptions) {
      if (trimmed === '}') inExceptions = false;
      else {
        const item = /^\d+\s*:\s*(.+)$/.exec(trimmed);
        if (item) exceptions.push(item[1]!);
      }
      continue;
    }
    const pair = /^([A-Za-z]+)\s*:\s*(.*)$/.exec(trimmed);
    if (pair && !pair[2]!.startsWith('<')) values[pair[1]!] = pair[2]!;
  }
  return { values, exceptions };
}

/** The proxy macOS gives a web request to host:port. Pure. */
export function scutilProxy(proxies: ScutilProxies, host: string, port: number): ProxySetting {
  const source = 'macOS network settings';
  const { values } = proxies;
  if (values['ProxyAutoConfigEnable'] === '1' && values['ProxyAutoConfigURLString']) {
    return { kind: 'pac', url: redactProxyText(values['ProxyAutoConfigURLString']), source };
  }
  if (values['ProxyAutoDiscoveryEnable'] === '1') return { kind: 'pac', url: safe`WPAD (automatic proxy discovery)`, source };
  const prefix = port === 80 ? 'HTTP' : 'HTTPS';
  if (values[`${prefix}Enable`] !== '1' || !values[`${prefix}Proxy`]) return { kind: 'direct', source };
  if (bypasses(proxies.exceptions, host, port)) return { kind: 'direct', source: `${source} (bypass list)` };
  return proxySettingFrom(`${values[`${prefix}Proxy`]}:${values[`${prefix}Port`] ?? '80'}`, source);
}
