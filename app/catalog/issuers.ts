import type { Catalog } from './schema';

/** The issuer names that count as genuine for a server entry; empty means any trusted issuer. */
export function expectedIssuers(catalog: Catalog, issuers: string | string[] | undefined, extra: readonly string[]): string[] {
  const base = issuers === undefined ? [] : typeof issuers === 'string' ? (issuerSet(catalog, issuers) ?? []) : issuers;
  return base.length === 0 ? [] : [...base, ...extra];
}

/** An issuer set by name; own keys only, so "constructor" or "__proto__" is not a set. */
export function issuerSet(catalog: Catalog, name: string): string[] | undefined {
  return catalog.issuerSets && Object.hasOwn(catalog.issuerSets, name) ? catalog.issuerSets[name] : undefined;
}

/** The two names a certificate gives its issuer: organisation (O) and common name (CN). */
export interface IssuerName {
  organization?: string;
  commonName?: string;
}

/**
 * Whether an issuer is one of `expected`. The rule: an expected name matches when it equals the
 * issuer's organisation or its common name exactly, ignoring only letter case and runs of
 * spaces. Nothing else: no substrings, prefixes or families, so "DigiCert Evil" or "Contoso Web
 * Shield CA (not DigiCert)" is not "DigiCert Inc". A company that writes its name several ways
 * ("DigiCert Inc", "DigiCert, Inc.") is listed once per spelling.
 */
export function isExpectedIssuer(expected: readonly string[], issuer: IssuerName): boolean {
  const names = [issuer.organization, issuer.commonName].filter((name) => name !== undefined).map(comparable);
  return expected.some((name) => names.includes(comparable(name)));
}

function comparable(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
