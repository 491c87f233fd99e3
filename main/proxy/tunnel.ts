import dns from 'node:dns';
import net from 'node:net';
import { ABORTED, elapsedSince, isDeadline, raceAbort } from '../platform/deadline';
import { awaitResponseHead, requestHead, USER_AGENT } from '../probes/http-head';
import { connectAny, type TcpOutcome } from '../probes/tcp';
import { basicAuth, type ProxyEndpoint } from './endpoint';

export type TunnelOutcome =
  /** The socket comes back paused (bytes that came with the 200 are unshifted): its new owner resumes it. */
  | { kind: 'connected'; socket: net.Socket; ms: number }
  /** The proxy answered the CONNECT with something other than 2xx (407, 403, 502...). */
  | { kind: 'proxy-answered'; status: number; statusText: string; headers: Record<string, string>; ms: number }
  | { kind: 'proxy-unreachable'; tcp: Exclude<TcpOutcome['kind'], 'connected'>; code?: string; ms: number }
  | { kind: 'proxy-garbage'; message: string; ms: number }
  | { kind: 'timeout'; ms: number }
  | { kind: 'cancelled'; ms: number };

/**
 * A proxy's name, looked up once per run: every check that goes through the proxy needs it, and
 * each lookup would hold one of the thread pool's lookup slots. Keyed by the lower-case name.
 * What is shared is the lookup itself; each check waits for it within its own deadline.
 */
export type ProxyLookups = Map<string, Promise<string[] | { failed: string }>>;

/** Opens a TCP connection to the proxy itself (its host may be a name). */
export async function connectToProxy(endpoint: ProxyEndpoint, signal: AbortSignal, lookups: ProxyLookups = new Map()): Promise<TcpOutcome> {
  let addresses = [endpoint.host];
  if (net.isIP(endpoint.host) === 0) {
    const key = endpoint.host.toLowerCase();
    let found = lookups.get(key);
    if (!found) {
      found = lookUpProxy(endpoint.host);
      lookups.set(key, found);
    }
    // getaddrinfo cannot be cancelled: on abort this check stops waiting, and the lookup goes on for the others.
    const answer = await raceAbort(signal, found);
    if (answer === ABORTED) return isDeadline(signal) ? { kind: 'timeout', address: '', ms: 0 } : { kind: 'cancelled', address: '', ms: 0 };
    if (!Array.isArray(answer)) return { kind: 'unreachable', address: '', code: answer.failed, ms: 0 };
    addresses = answer;
  }
  return connectAny(addresses, endpoint.port, signal);
}

function lookUpProxy(host: string): Promise<string[] | { failed: string }> {
  return dns.promises.lookup(host, { all: true }).then(
    (found) => found.map((answer) => answer.address),
    (error: NodeJS.ErrnoException) => ({ failed: error.code ?? 'ENOTFOUND' }),
  );
}

/**
 * Asks an HTTP proxy for a tunnel to host:port (HTTP CONNECT, RFC 9110 §9.3.6) and hands back
 * the connected socket, ready for TLS or raw bytes. The proxy's own refusal is reported with
 * its status, never as the target's. Never throws for a host the catalog schema accepts.
 */
export async function openTunnel(
  endpoint: ProxyEndpoint,
  host: string,
  port: number,
  signal: AbortSignal,
  lookups?: ProxyLookups,
): Promise<TunnelOutcome> {
  const start = performance.now();
  const tcp = await connectToProxy(endpoint, signal, lookups);
  if (tcp.kind !== 'connected') {
    if (tcp.kind === 'cancelled') return { kind: 'cancelled', ms: elapsedSince(start) };
    return { kind: 'proxy-unreachable', tcp: tcp.kind, ...(tcp.kind === 'unreachable' ? { code: tcp.code } : {}), ms: elapsedSince(start) };
  }
  const socket = tcp.socket;
  const authority = net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
  const request = requestHead('CONNECT', authority, { Host: authority, 'User-Agent': USER_AGENT, ...basicAuth(endpoint) });
  if (!signal.aborted) socket.write(request);
  const wait = await awaitResponseHead(socket, signal);
  const ms = elapsedSince(start);
  if (wait.kind === 'head' && wait.head.status >= 200 && wait.head.status < 300) {
    // Paused by awaitResponseHead; bytes that came with the 200 go back in front for the new owner.
    if (wait.rest.length > 0) socket.unshift(wait.rest);
    return { kind: 'connected', socket, ms };
  }
  socket.destroy();
  switch (wait.kind) {
    case 'head':
      return { kind: 'proxy-answered', status: wait.head.status, statusText: wait.head.statusText, headers: wait.head.headers, ms };
    case 'garbage':
      return {
        kind: 'proxy-garbage',
        message: wait.why === 'too-large' ? 'the proxy sent an endless header' : 'the proxy answered something that is not HTTP',
        ms,
      };
    case 'closed':
      return {
        kind: 'proxy-garbage',
        message: wait.error ? 'the proxy dropped the connection' : 'the proxy closed the connection without answering',
        ms,
      };
    case 'aborted':
      return isDeadline(signal) ? { kind: 'timeout', ms } : { kind: 'cancelled', ms };
  }
}
