import type { DnsVerdict } from '../../probes/dns';
import type { Stopped } from './ending';
import type { ServerTarget } from './target';

export type UnresolvedVerdict = Extract<DnsVerdict, { kind: 'nxdomain' | 'timeout' | 'failed' }>;

/** What the report says when this computer could not look the host up at all. */
export function unresolved(target: ServerTarget, verdict: UnresolvedVerdict): Stopped & { at: 'dns' } {
  const stop = { kind: 'stopped', at: 'dns' } as const;
  switch (verdict.kind) {
    case 'nxdomain':
      // Only a missing name is softened for legacy entries: Apple may have retired it.
      if (target.legacy && !verdict.hostsOnly) {
        return {
          ...stop,
          status: 'warn',
          reason: 'dns-nxdomain',
          detail: `The name ${target.host} does not resolve. It is an old name Apple may have retired, so this does not show a problem with your network.`,
        };
      }
      return {
        ...stop,
        status: 'fail',
        reason: 'dns-nxdomain',
        detail: verdict.hostsOnly
          ? `This computer says ${target.host} does not exist, although the name servers know it: something local (hosts file, security software) hides it.`
          : `The name ${target.host} does not exist according to your DNS server. A DNS filter or block list may be hiding it.`,
      };
    case 'timeout':
      return {
        ...stop,
        status: 'fail',
        reason: 'dns-timeout',
        detail: `Looking up ${target.host} got no answer in time: the DNS server is unreachable or its answers are dropped.`,
      };
    case 'failed':
      return {
        ...stop,
        status: 'fail',
        reason: 'dns-failed',
        detail: `Looking up ${target.host} failed: ${describeDnsFailure(verdict.code)}.`,
      };
  }
}

/** A blocking answer (0.0.0.0, 127.x): nothing to connect to. */
export function blocked(target: ServerTarget, verdict: Extract<DnsVerdict, { kind: 'blocked' }>, hostsNote: string): Stopped {
  return {
    kind: 'stopped',
    at: 'dns',
    status: 'fail',
    reason: 'dns-redirected',
    detail: `${target.host} is blocked on this computer: it resolves to ${verdict.addresses.join(', ')}, which goes nowhere. A hosts-file entry or a DNS block list (such as Pi-hole) does this.${hostsNote}`,
  };
}

function describeDnsFailure(code: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'no DNS server answers at all (the configured one refused), so this computer cannot look up any name; check the network connection and its DNS settings';
    case 'ESERVFAIL':
      return 'the DNS server reported a failure (SERVFAIL): it could not answer for this name';
    case 'EREFUSED':
      return 'the DNS server refused to answer for this name (a DNS filter does this)';
    default:
      return `the DNS server could not answer (${code})`;
  }
}
