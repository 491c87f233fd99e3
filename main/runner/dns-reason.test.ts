import { describe, expect, it } from 'vitest';
import { NETWORK_REASONS, type NetworkReason } from '../../app/contract/check';
import type { DnsVerdict } from '../probes/dns';
import { dnsFailureReason, dnsFailureWords } from './dns-reason';

type StoppingVerdict = Exclude<DnsVerdict, { kind: 'ok' | 'redirected' | 'cancelled' }>;

describe('a DNS verdict that stops a check', () => {
  it.each<[string, NetworkReason, string, StoppingVerdict]>([
    ['a name that does not exist', 'dns-nxdomain', 'the name does not exist for this computer', { kind: 'nxdomain', hostsOnly: false }],
    ['no answer in time', 'dns-timeout', 'no DNS answer came in time', { kind: 'timeout' }],
    [
      'a block to 0.0.0.0',
      'dns-redirected',
      'it resolves to 0.0.0.0, which goes nowhere',
      { kind: 'blocked', addresses: ['0.0.0.0'], direct: [] },
    ],
    ['a failing server', 'dns-failed', 'the lookup failed (ESERVFAIL)', { kind: 'failed', code: 'ESERVFAIL' }],
  ])('%s is reported as %s: "%s"', (_what, reason, words, verdict) => {
    expect(dnsFailureReason(verdict)).toBe(reason);
    expect(NETWORK_REASONS).toContain(reason);
    expect(dnsFailureWords(verdict)).toBe(words);
  });

  it('names every blocking address it resolved to', () => {
    expect(dnsFailureWords({ kind: 'blocked', addresses: ['0.0.0.0', '::'], direct: ['17.253.144.10'] })).toBe(
      'it resolves to 0.0.0.0, ::, which goes nowhere',
    );
  });
});
