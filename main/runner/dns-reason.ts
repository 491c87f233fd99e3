import type { NetworkReason } from '../../app/contract/check';
import type { DnsVerdict } from '../probes/dns';

type StoppingVerdict = Exclude<DnsVerdict, { kind: 'ok' | 'redirected' | 'cancelled' }>;

/** The report's reason code for a DNS verdict that stops a check. */
export function dnsFailureReason(verdict: StoppingVerdict): NetworkReason {
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

/** The same verdict in words, for a sentence a user reads ("… could not be looked up: <words>"). */
export function dnsFailureWords(verdict: StoppingVerdict): string {
  switch (verdict.kind) {
    case 'nxdomain':
      return 'the name does not exist for this computer';
    case 'timeout':
      return 'no DNS answer came in time';
    case 'blocked':
      return `it resolves to ${verdict.addresses.join(', ')}, which goes nowhere`;
    case 'failed':
      return `the lookup failed (${verdict.code})`;
  }
}
