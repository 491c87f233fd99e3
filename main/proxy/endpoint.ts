import { redactProxyText, safe, type RedactedText } from './redact';

export interface ProxyEndpoint {
  host: string;
  port: number;
  auth?: { user: string; password: string };
  /** "http://proxy.example:3128", never with the password: safe to show and to report. */
  label: string;
}

/** `why` never quotes the credentials: see redact.ts. */
export type ParsedProxy = { kind: 'ok'; endpoint: ProxyEndpoint } | { kind: 'invalid'; why: RedactedText };

/**
 * Parses a proxy address as settings write it: "host:port", "http://user:pass@host:port",
 * "[::1]:3128". Only plain HTTP proxies are spoken to (HTTPS-to-the-proxy and SOCKS are named as
 * unsupported, not guessed at). Pure. `quoted` is how a problem quotes the address: the caller
 * that cut it out of a longer setting passes that whole setting, redacted, since a password
 * holding the setting's separators (";", "=", a space) may have been cut in two.
 */
export function parseProxyAddress(text: string, defaultPort = 80, quoted: RedactedText = redactProxyText(text.trim())): ParsedProxy {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'invalid', why: safe`the proxy address is empty` };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { kind: 'invalid', why: safe`"${quoted}" is not a proxy address` };
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  if (scheme !== 'http') {
    return { kind: 'invalid', why: safe`${redactProxyText(scheme)} proxies are not supported by this check (only HTTP proxies)` };
  }
  if (!url.hostname) return { kind: 'invalid', why: safe`"${quoted}" has no host` };
  const port = url.port ? Number(url.port) : defaultPort;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const label = `http://${url.hostname}:${port}`;
  const user = decodePart(url.username);
  return {
    kind: 'ok',
    endpoint: { host, port, label, ...(user ? { auth: { user, password: decodePart(url.password) } } : {}) },
  };
}

/** Percent-decodes a user name or password; a stray "%" is kept as typed rather than thrown on. */
function decodePart(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function basicAuth(endpoint: ProxyEndpoint): Record<string, string> {
  if (!endpoint.auth) return {};
  const token = Buffer.from(`${endpoint.auth.user}:${endpoint.auth.password}`).toString('base64');
  return { 'Proxy-Authorization': `Basic ${token}` };
}
