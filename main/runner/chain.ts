import type { Catalog, PortEntry, ServerEntry } from '../../app/catalog/schema';

/** Which layers a port speaks: TLS on 443 and 5223 (push), HTTP on 80 and 443. */
export function layersFor(port: number): { tls: boolean; http: boolean } {
  return { tls: port === 443 || port === 5223, http: port === 80 || port === 443 };
}

/** Exchanges a server check waits for one after another: DNS and TCP, then TLS and HTTP where spoken. */
export function serverChainLength(port: number): number {
  const speaks = layersFor(port);
  return 2 + (speaks.tls ? 1 : 0) + (speaks.http ? 1 : 0);
}

/** A port check: DNS, then a TCP connect. */
export const PORT_CHAIN_LENGTH = 2;
/** The time check: DNS, then one UDP exchange. */
export const NTP_CHAIN_LENGTH = 2;

/** The concrete host a server entry's checks connect to (a wildcard's probed example). */
export function probedHost(entry: ServerEntry): string {
  return entry.host ?? entry.pattern;
}

/** A port entry the network checks connect to: TCP, with a host, testable, and not covered by another check. */
export function isProbedPort(entry: PortEntry): entry is PortEntry & { host: string } {
  return !entry.covered && !entry.untestable && entry.host !== undefined && entry.protocol === 'tcp';
}

/** One thing the network checks do, in the order they are planned: servers, ports, then time. */
export type NetworkItem =
  | { kind: 'server'; entry: ServerEntry; host: string; port: number }
  | { kind: 'port'; entry: PortEntry & { host: string }; host: string; port: number }
  | { kind: 'ntp'; entry: NonNullable<Catalog['ntp']>; host: string; port: 123 }
  /** An entry reported, with why, and never contacted. */
  | { kind: 'untestable-server'; entry: ServerEntry & { untestable: string } }
  | { kind: 'untestable-port'; entry: PortEntry & { untestable: string } };

/**
 * The one walk over the catalog that says what the network checks contact: the plan, the early
 * DNS queries, the fake internet and the bench all start from it, so they cannot drift apart.
 */
export function networkItems(catalog: Catalog): NetworkItem[] {
  const items: NetworkItem[] = [];
  for (const entry of catalog.servers) {
    if (entry.untestable !== undefined) items.push({ kind: 'untestable-server', entry: { ...entry, untestable: entry.untestable } });
    else for (const port of entry.ports) items.push({ kind: 'server', entry, host: probedHost(entry), port });
  }
  for (const entry of catalog.ports) {
    if (entry.untestable !== undefined && !entry.covered)
      items.push({ kind: 'untestable-port', entry: { ...entry, untestable: entry.untestable } });
    else if (isProbedPort(entry))
      for (const port of entry.samples ?? [entry.port]) items.push({ kind: 'port', entry, host: entry.host, port });
  }
  if (catalog.ntp) items.push({ kind: 'ntp', entry: catalog.ntp, host: catalog.ntp.host, port: 123 });
  return items;
}

/**
 * Every host the network checks will look up, the one with the longest chain first: the order in
 * which the DNS queries should go out, so a late answer never holds up a TLS handshake.
 */
export function hostsToResolve(catalog: Catalog): string[] {
  const longest = new Map<string, number>();
  for (const item of networkItems(catalog)) {
    if (item.kind !== 'server' && item.kind !== 'port' && item.kind !== 'ntp') continue;
    const length = item.kind === 'server' ? serverChainLength(item.port) : item.kind === 'port' ? PORT_CHAIN_LENGTH : NTP_CHAIN_LENGTH;
    const key = item.host.toLowerCase();
    longest.set(key, Math.max(longest.get(key) ?? 0, length));
  }
  // Stable: hosts with equally long chains keep catalog order.
  return [...longest].sort((a, b) => b[1] - a[1]).map(([host]) => host);
}
