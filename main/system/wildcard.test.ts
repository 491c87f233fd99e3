import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bypasses } from '../proxy/bypass';
import { findAppleEntries } from './hosts/match';
import { parseHosts } from './hosts/parse';
import { globMatches, hostMatchesPattern } from '../platform/wildcard';

/** The textbook dynamic-programming matcher: slow but plainly right, to check the fast one against. */
function reference(pattern: string, text: string): boolean {
  let row = Array.from({ length: text.length + 1 }, (_, j) => j === 0);
  for (const char of pattern) {
    const next = Array.from({ length: text.length + 1 }, () => false);
    for (let j = 0; j <= text.length; j++) {
      next[j] = char === '*' ? row[j]! || (j > 0 && next[j - 1]!) : j > 0 && row[j - 1]! && text[j - 1] === char;
    }
    row = next;
  }
  return row[text.length]!;
}

describe('globMatches', () => {
  it('matches "*" as any run of characters', () => {
    expect(globMatches('*.corp', 'a.b.corp')).toBe(true);
    expect(globMatches('10.*', '10.1.2.3')).toBe(true);
    expect(globMatches('*intranet*', 'www.intranet.example')).toBe(true);
    expect(globMatches('a*b*c', 'abc')).toBe(true);
    expect(globMatches('a*b*c', 'acb')).toBe(false);
    expect(globMatches('ab*ba', 'aba')).toBe(false);
    expect(globMatches('exact', 'exact')).toBe(true);
    expect(globMatches('', '')).toBe(true);
  });

  it('agrees with the plain matcher on any pattern and text (property)', () => {
    const small = fc.string({ unit: fc.constantFrom('a', 'b', '.', '*'), maxLength: 12 });
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '.'), maxLength: 16 });
    fc.assert(
      fc.property(small, text, (pattern, name) => {
        expect(globMatches(pattern, name)).toBe(reference(pattern, name));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('hostMatchesPattern (label by label)', () => {
  it('lets "*." cover any depth and an inner "*" one label', () => {
    expect(hostMatchesPattern('*.mzstatic.com', 'is1-ssl.mzstatic.com')).toBe(true);
    expect(hostMatchesPattern('*.mzstatic.com', 'a.b.mzstatic.com')).toBe(true);
    expect(hostMatchesPattern('*.mzstatic.com', 'mzstatic.com')).toBe(false);
    expect(hostMatchesPattern('gg*.apple.com', 'gg12.apple.com')).toBe(true);
    expect(hostMatchesPattern('gg*.apple.com', 'gg.apple.com')).toBe(true);
    expect(hostMatchesPattern('gg*.apple.com', 'gg.x.apple.com')).toBe(false);
    expect(hostMatchesPattern('GS.Apple.com.', 'gs.apple.com')).toBe(true);
  });
});

describe('wildcards take linear time, whatever the pattern', () => {
  // Turned into regular expressions, these took seconds to minutes, more with each "*".
  it('a catalog pattern with many "*" against an ordinary block-list line', () => {
    const { entries } = parseHosts(`0.0.0.0 ${'a'.repeat(34)}.doubleclick.net\n0.0.0.0 gs.apple.com\n`);
    const findings = findAppleEntries(entries, { patterns: [`${'*'.repeat(9)}x.apple.com`], hosts: [] });
    expect(findings.map((finding) => [finding.name, finding.inCatalog])).toEqual([['gs.apple.com', false]]);
  });

  it('a proxy bypass rule with many "*" (NO_PROXY, ProxyOverride, macOS exceptions)', () => {
    expect(bypasses([`${'*'.repeat(12)}x`], 'a'.repeat(22), 443)).toBe(false);
    expect(bypasses([`${'*'.repeat(12)}x`], `${'a'.repeat(22)}x`, 443)).toBe(true);
  });

  it('stays linear for thousands of stars and long names', () => {
    const name = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.example`;
    expect(bypasses([`${'*a'.repeat(5000)}x`], name, 443)).toBe(false);
    expect(hostMatchesPattern(`${'*'.repeat(5000)}x.${'*'.repeat(5000)}.c*.example`, name)).toBe(false);
  });
});
