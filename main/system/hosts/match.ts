import { hostMatchesPattern } from '../../platform/wildcard';
import type { HostsEntry } from './parse';

/** Apple's own domains: any entry under them is worth showing, even if the catalog lacks it. */
export const APPLE_DOMAINS = ['apple.com', 'icloud.com', 'mzstatic.com', 'cdn-apple.com', 'itunes.com', 'me.com', 'apple-cloudkit.com'];

/** Addresses old jailbreak and downgrade tools wrote for gs.apple.com (error 3194). */
const JAILBREAK_ADDRESSES = new Set(['74.208.105.171', '74.208.10.249']);

export interface WatchList {
  /** Catalog patterns, possibly wildcards ("*.mzstatic.com", "gg*.apple.com"). */
  patterns: readonly string[];
  /** Concrete hosts the network checks probe. */
  hosts: readonly string[];
}

export interface HostsFinding {
  entry: HostsEntry;
  name: string;
  effect: 'blocks' | 'redirects';
  /** The name is one the catalog lists (a server sync or updates need), not just under apple.com. */
  inCatalog: boolean;
  /** The address an old jailbreak tool is known to write. */
  jailbreak: boolean;
}

/** Entries that touch Apple's or the catalog's hosts, each with what it does to them. */
export function findAppleEntries(entries: readonly HostsEntry[], watch: WatchList): HostsFinding[] {
  const hosts = new Set(watch.hosts.map((host) => host.toLowerCase()));
  const findings: HostsFinding[] = [];
  for (const entry of entries) {
    for (const name of entry.names) {
      const inCatalog = hosts.has(name) || watch.patterns.some((pattern) => hostMatchesPattern(pattern, name));
      if (!inCatalog && !APPLE_DOMAINS.some((domain) => name === domain || name.endsWith(`.${domain}`))) continue;
      findings.push({
        entry,
        name,
        effect: isNowhere(entry.address) ? 'blocks' : 'redirects',
        inCatalog,
        jailbreak: JAILBREAK_ADDRESSES.has(entry.address),
      });
    }
  }
  return findings;
}

/** The entry the system resolver uses for `host`: the first line naming it (how hosts files work). */
export function entryFor(entries: readonly HostsEntry[], host: string): HostsEntry | undefined {
  const name = host.toLowerCase().replace(/\.$/, '');
  return entries.find((entry) => entry.names.includes(name));
}

export function isNowhere(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '::1' || address.startsWith('127.') || address === '0:0:0:0:0:0:0:0';
}

export function describeFinding(finding: HostsFinding): string {
  const where = `line ${finding.entry.line} ("${finding.entry.text}")`;
  const what =
    finding.effect === 'blocks'
      ? `blocks ${finding.name} (sends it to ${finding.entry.address}, which goes nowhere)`
      : `sends ${finding.name} to ${finding.entry.address} instead of Apple's server`;
  const gs = finding.name === 'gs.apple.com' ? '; this is the classic cause of error 3194 during an update or restore' : '';
  const jb = finding.jailbreak ? '; that address was written by old jailbreak/downgrade tools' : '';
  return `${where} ${what}${gs}${jb}`;
}
