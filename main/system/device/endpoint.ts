import type { SystemOs } from '../../platform/system-os';

/** Where the usbmux daemon listens: a unix socket (macOS, Linux) or a TCP port (Windows). */
export type UsbmuxEndpoint = { kind: 'unix'; path: string } | { kind: 'tcp'; host: string; port: number };

export type EndpointChoice =
  { kind: 'endpoint'; endpoint: UsbmuxEndpoint; overridden: boolean } | { kind: 'invalid'; value: string; why: string };

export const OVERRIDE_VARIABLE = 'USBMUXD_SOCKET_ADDRESS';
const WINDOWS_ENDPOINT: UsbmuxEndpoint = { kind: 'tcp', host: '127.0.0.1', port: 27015 };
const UNIX_ENDPOINT: UsbmuxEndpoint = { kind: 'unix', path: '/var/run/usbmuxd' };

/**
 * The endpoint for this OS, or the one USBMUXD_SOCKET_ADDRESS names in libusbmuxd's format:
 * `UNIX:/path`, `HOST:PORT` (`[::1]:PORT` for IPv6), or, as some tools take it, a bare path.
 */
export function usbmuxEndpoint(os: SystemOs, env: NodeJS.ProcessEnv = process.env): EndpointChoice {
  const value = env[OVERRIDE_VARIABLE]?.trim();
  if (!value) return { kind: 'endpoint', endpoint: os === 'windows' ? WINDOWS_ENDPOINT : UNIX_ENDPOINT, overridden: false };
  const parsed = parseAddress(value);
  return typeof parsed === 'string' ? { kind: 'invalid', value, why: parsed } : { kind: 'endpoint', endpoint: parsed, overridden: true };
}

function parseAddress(value: string): UsbmuxEndpoint | string {
  if (/^UNIX:/i.test(value)) {
    const path = value.slice('UNIX:'.length);
    return path ? { kind: 'unix', path } : 'UNIX: is not followed by a socket path';
  }
  if (value.startsWith('/') || value.startsWith('.')) return { kind: 'unix', path: value };
  const tcp = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value);
  if (!tcp) return 'it is neither UNIX:/path/to/socket nor HOST:PORT';
  const port = Number(tcp[3]);
  if (port < 1 || port > 65535) return `${port} is not a TCP port`;
  return { kind: 'tcp', host: tcp[1] ?? tcp[2]!, port };
}

/** The endpoint as people write it: a socket path or host:port. */
export function describeEndpoint(endpoint: UsbmuxEndpoint): string {
  if (endpoint.kind === 'unix') return endpoint.path;
  return endpoint.host.includes(':') ? `[${endpoint.host}]:${endpoint.port}` : `${endpoint.host}:${endpoint.port}`;
}
