import type { NetworkReason } from '../../app/contract/check';
import { connectAny, type TcpOutcome } from '../probes/tcp';
import { basicAuth } from './endpoint';
import type { ProxyRouter } from './router';
import { connectToProxy, openTunnel, type ProxyLookups } from './tunnel';

/** How the HTTP probe must speak on a connection to a plain-HTTP proxy (absolute-form, auth). */
export interface HttpVia {
  absoluteTarget: true;
  headers: Record<string, string>;
}

/** The proxy itself said no, or could not be reached: reported as the proxy's doing, not the target's. */
export interface ProxyRefusal {
  kind: 'proxy-refused';
  address: string;
  ms: number;
  via: string;
  reason: NetworkReason;
  detail: string;
  /** The proxy's own HTTP answer to CONNECT (407, 403...), when it gave one: the diagnosis tells them apart by it. */
  http?: { status: number };
}

export type ConnectOutcome = (TcpOutcome & { via?: string; http?: HttpVia }) | ProxyRefusal;

/**
 * The seam the network checks connect through: straight to one of the addresses, or through
 * the proxy that applies to host:port. `via` names the proxy when one was used.
 */
export type Connect = (addresses: readonly string[], port: number, signal: AbortSignal, host: string) => Promise<ConnectOutcome>;

export const directConnect: Connect = (addresses, port, signal) => connectAny(addresses, port, signal);

export function proxiedConnect(router: ProxyRouter): Connect {
  const lookups: ProxyLookups = new Map();
  return async (addresses, port, signal, host) => {
    const route = await router.route(host, port, signal);
    if (route.kind !== 'proxy') return connectAny(addresses, port, signal);
    const { endpoint } = route;
    const via = endpoint.label;
    const named = `the proxy ${via} (from ${route.source})`;
    if (port === 80) {
      // Plain HTTP goes to the proxy as an absolute-form request, as browsers and Apple's apps send it.
      const tcp = await connectToProxy(endpoint, signal, lookups);
      if (tcp.kind === 'connected') return { ...tcp, via, http: { absoluteTarget: true, headers: basicAuth(endpoint) } };
      if (tcp.kind === 'cancelled') return { ...tcp, via };
      return unreachable(named, via, tcp.kind, tcp.ms);
    }
    const tunnel = await openTunnel(endpoint, host, port, signal, lookups);
    switch (tunnel.kind) {
      case 'connected':
        return { kind: 'connected', socket: tunnel.socket, address: `${host} via ${via}`, ms: tunnel.ms, via };
      case 'cancelled':
        return { kind: 'cancelled', address: via, ms: tunnel.ms, via };
      case 'timeout':
        return { kind: 'timeout', address: via, ms: tunnel.ms, via };
      case 'proxy-unreachable':
        return tunnel.tcp === 'cancelled'
          ? { kind: 'cancelled', address: via, ms: tunnel.ms, via }
          : unreachable(named, via, tunnel.tcp, tunnel.ms);
      case 'proxy-garbage':
        return {
          kind: 'proxy-refused',
          address: via,
          ms: tunnel.ms,
          via,
          reason: 'http-error',
          detail: `Apple's traffic goes through ${named}, but ${tunnel.message}.`,
        };
      case 'proxy-answered':
        return {
          kind: 'proxy-refused',
          address: via,
          ms: tunnel.ms,
          via,
          http: { status: tunnel.status },
          ...judgeConnectAnswer(tunnel.status, tunnel.statusText, named, host, port, endpoint.auth !== undefined),
        };
    }
  };
}

/** What a proxy's non-2xx answer to CONNECT means, in words. Pure. */
export function judgeConnectAnswer(
  status: number,
  statusText: string,
  named: string,
  host: string,
  port: number,
  sentPassword: boolean,
): { reason: NetworkReason; detail: string } {
  const answer = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  // tinyproxy answers a wrong password with 401 rather than 407.
  if (status === 407 || status === 401) {
    return {
      reason: 'http-blocked',
      detail: sentPassword
        ? `${capitalize(named)} rejected the user name and password it was given (${answer}).`
        : `${capitalize(named)} asks for a password (${answer}) before it lets anything through to ${host}; Apple's apps cannot answer that. Ask for an exception for Apple's servers.`,
    };
  }
  if (status === 403 || status === 451) {
    return {
      reason: 'http-blocked',
      detail: `${capitalize(named)} refuses to connect to ${host} on port ${port} (${answer}). Ask whoever runs it to allow Apple's servers.`,
    };
  }
  if (status === 502 || status === 503 || status === 504) {
    return { reason: 'tcp-unreachable', detail: `${capitalize(named)} could not reach ${host} on port ${port} itself (${answer}).` };
  }
  return { reason: 'http-error', detail: `${capitalize(named)} answered the request for ${host}:${port} with ${answer}.` };
}

function unreachable(named: string, via: string, kind: 'refused' | 'timeout' | 'unreachable', ms: number): ProxyRefusal {
  const reason: NetworkReason = kind === 'refused' ? 'tcp-refused' : kind === 'timeout' ? 'tcp-timeout' : 'tcp-unreachable';
  const what = kind === 'refused' ? 'refuses connections' : kind === 'timeout' ? 'does not answer' : 'cannot be reached';
  return {
    kind: 'proxy-refused',
    address: via,
    ms,
    via,
    reason,
    detail: `This computer is set to send Apple's traffic through ${named}, but the proxy ${what}. Fix or remove the proxy setting.`,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
