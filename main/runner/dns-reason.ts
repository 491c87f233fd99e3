import type { NetworkReason } from '../../app/contract/check';
import type { DnsVerdict } from '../probes/dns';

/** The report's reason code for a DNS verdict that stops a check. */
export function dnsFailureReason(verdict: Exclude<DnsVerdict, { kind: 'ok' | 'redirected' | 'cancelled' }>): NetworkReason {
  switch (verdict.kind) {
    case 'nxdomain':
      return 'dns-nxdomain';
    case 'timeout':
      return 'dns-timeout';
    case 'blocked':
      return 'dns-redirected';
    case 'failed':
      return 'dns-failed';
  }
}
