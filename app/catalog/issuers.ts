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
