import type { Duplex } from 'node:stream';
import { elapsedSince, isDeadline } from '../platform/deadline';
import { awaitResponseHead, requestHead, USER_AGENT } from './http-head';

export type HttpOutcome =
  | { kind: 'response'; status: number; headers: Record<string, string>; ms: number }
  | { kind: 'failed'; why: 'garbage' | 'closed' | 'no-answer'; message: string; ms: number }
  | { kind: 'cancelled'; ms: number };

export interface HttpProbeOptions {
  host: string;
  path?: string;
  signal: AbortSignal;
  /** Absolute-form request target, for a plain-HTTP proxy ("http://host/path"). */
  absoluteTarget?: boolean;
  /** Extra request headers (Proxy-Authorization, for one). */
  headers?: Record<string, string>;
}

/**
 * Sends one small GET over an already open connection (TCP or TLS) and reads only the status
 * line and headers. The connection is destroyed afterwards whatever happens.
 */
export async function probeHttp(connection: Duplex, options: HttpProbeOptions): Promise<HttpOutcome> {
  const start = performance.now();
  const path = options.path ?? '/';
  const request = requestHead('GET', options.absoluteTarget ? `http://${options.host}${path}` : path, {
    Host: options.host,
    'User-Agent': USER_AGENT,
    Accept: '*/*',
    Connection: 'close',
    ...options.headers,
  });
  // Errors after the answer (a reset as we hang up) have no one left to tell.
  connection.on('error', () => undefined);
  if (!options.signal.aborted) connection.write(request);
  const wait = await awaitResponseHead(connection, options.signal);
  connection.destroy();
  const ms = elapsedSince(start);
  switch (wait.kind) {
    case 'head':
      return { kind: 'response', status: wait.head.status, headers: wait.head.headers, ms };
    case 'garbage':
      return {
        kind: 'failed',
        why: 'garbage',
        message:
          wait.why === 'too-large'
            ? 'the server sent an endless header instead of an answer'
            : 'the server answered with something that is not HTTP',
        ms,
      };
    case 'closed':
      return {
        kind: 'failed',
        why: 'closed',
        message: `the connection closed before an answer${wait.error ? ` (${wait.error.code ?? wait.error.message})` : ''}`,
        ms,
      };
    case 'aborted':
      return isDeadline(options.signal)
        ? { kind: 'failed', why: 'no-answer', message: 'the server took the request but did not answer in time', ms }
        : { kind: 'cancelled', ms };
  }
}

const PROXY_SIGNATURES =
  /squid|zscaler|bluecoat|blue coat|proxysg|fortigate|fortiguard|forcepoint|websense|mcafee web gateway|skyhigh|sophos|barracuda|palo alto|pan-os|check point|checkpoint|netskope|umbrella|cisco|kerio|privoxy|tinyproxy|untangle|smoothwall|lightspeed|securly|iboss|contentkeeper/i;

export type HttpJudgement =
  | { kind: 'ok'; status: number }
  | { kind: 'blocked'; status: number; by: string; why: 'proxy-auth' | 'proxy-denied' | 'portal-redirect' }
  | { kind: 'server-error'; status: number };

/**
 * A response from the real server means reachable, even a 403 or 404 (gs.apple.com answers 404 on
 * "/"). What counts as blocked: a proxy asking for a password, a proxy's own refusal page, or a
 * redirect to some other site (a captive portal or filter page).
 */
export function judgeHttp(
  status: number,
  headers: Record<string, string>,
  host: string,
  reachableStatuses: readonly number[] = [],
): HttpJudgement {
  const server = headers['server'] ?? '';
  const proxyName = proxyNameFrom(headers);
  if (status === 407) return { kind: 'blocked', status, by: proxyName || server || 'a proxy', why: 'proxy-auth' };
  // A plain-HTTP proxy may answer a wrong password with 401 (tinyproxy does); only a proxy's own 401 counts.
  if (status === 401 && proxyName) return { kind: 'blocked', status, by: proxyName, why: 'proxy-auth' };
  if (reachableStatuses.includes(status)) return { kind: 'ok', status };
  if ((status === 403 || status === 451 || status === 511) && (proxyName || status !== 403)) {
    return { kind: 'blocked', status, by: proxyName || server || 'a filter', why: 'proxy-denied' };
  }
  if (status >= 300 && status < 400 && headers['location']) {
    const target = hostOf(headers['location']);
    if (target && !sameSite(target, host)) {
      return { kind: 'blocked', status, by: target, why: 'portal-redirect' };
    }
  }
  if (status >= 500) return proxyName ? { kind: 'blocked', status, by: proxyName, why: 'proxy-denied' } : { kind: 'server-error', status };
  return { kind: 'ok', status };
}

function proxyNameFrom(headers: Record<string, string>): string {
  if (headers['x-squid-error']) return headers['server'] || 'Squid proxy';
  if (headers['proxy-authenticate']) return headers['server'] || 'a proxy';
  const server = headers['server'] ?? '';
  if (PROXY_SIGNATURES.test(server)) return server;
  const via = headers['via'] ?? '';
  if (PROXY_SIGNATURES.test(via)) return via;
  return '';
}

function hostOf(location: string): string | undefined {
  try {
    return new URL(location, 'http://relative.invalid').hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Apple redirects between its own names (http to https, apple.com to www.apple.com). */
function sameSite(target: string, host: string): boolean {
  if (target === 'relative.invalid' || target === host) return true;
  const appleDomains = [
    'apple.com',
    'cdn-apple.com',
    'mzstatic.com',
    'icloud.com',
    'digicert.com',
    'verisign.com',
    'symcb.com',
    'symcd.com',
  ];
  const domainOf = (name: string) => appleDomains.find((d) => name === d || name.endsWith(`.${d}`));
  const targetDomain = domainOf(target);
  return targetDomain !== undefined && targetDomain === domainOf(host);
}
