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

/**
 * Every host the network checks will look up, the one with the longest chain first: the order in
 * which the DNS queries should go out, so a late answer never holds up a TLS handshake.
 */
export function hostsToResolve(catalog: Catalog): string[] {
  const longest = new Map<string, number>();
  const note = (host: string, length: number) => {
    const key = host.toLowerCase();
    longest.set(key, Math.max(longest.get(key) ?? 0, length));
  };
  for (const entry of catalog.servers) {
    if (entry.untestable) continue;
    for (const port of entry.ports) note(probedHost(entry), serverChainLength(port));
  }
  for (const entry of catalog.ports) if (isProbedPort(entry)) note(entry.host, PORT_CHAIN_LENGTH);
  if (catalog.ntp) note(catalog.ntp.host, NTP_CHAIN_LENGTH);
  // Stable: hosts with equally long chains keep catalog order.
  return [...longest].sort((a, b) => b[1] - a[1]).map(([host]) => host);
}
