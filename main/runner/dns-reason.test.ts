import { describe, expect, it } from 'vitest';
import type { DnsVerdict } from '../probes/dns';
import { dnsFailureReason, dnsFailureWords } from './dns-reason';

describe('dnsFailureWords', () => {
  it('says each stopping verdict in words, never as the report code a user should not have to read', () => {
    const verdicts: Exclude<DnsVerdict, { kind: 'ok' | 'redirected' | 'cancelled' }>[] = [
      { kind: 'nxdomain', hostsOnly: false },
      { kind: 'timeout' },
      { kind: 'blocked', addresses: ['0.0.0.0'], direct: [] },
      { kind: 'failed', code: 'ESERVFAIL' },
    ];
    for (const verdict of verdicts) {
      const words = dnsFailureWords(verdict);
      expect(words, verdict.kind).not.toContain(dnsFailureReason(verdict));
      expect(words, verdict.kind).not.toMatch(/nxdomain|dns-/);
    }
    expect(dnsFailureWords({ kind: 'blocked', addresses: ['0.0.0.0'], direct: [] })).toContain('0.0.0.0');
  });
});
