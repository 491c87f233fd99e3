import dns from 'node:dns';
import { ABORTED, elapsedSince, isDeadline, raceAbort } from '../platform/deadline';

export type DnsAnswer =
  | { kind: 'ok'; addresses: string[]; ms: number }
  | { kind: 'nxdomain'; ms: number }
  | { kind: 'timeout'; ms: number }
  | { kind: 'failed'; code: string; ms: number }
  | { kind: 'cancelled'; ms: number };

export interface DnsProbeResult {
  /** What getaddrinfo gave: hosts file, OS settings, what the user's apps get. */
  system: DnsAnswer;
  /** A direct query to the configured name servers, bypassing the hosts file. */
  direct: DnsAnswer;
}

export type SystemLookup = (host: string) => Promise<string[]>;

export interface DnsProbeOptions {
  signal: AbortSignal;
  /** Name servers for the direct query ("127.0.0.1:5300"); default: the system's. */
  servers?: readonly string[];
  /** Replaces getaddrinfo, for unit tests that cannot change the machine's resolver. */
  systemLookup?: SystemLookup;
  /** Per-try timeout of the direct query (c-ares), in ms. */
  queryTimeoutMs?: number;
  /**
   * A resolver shared by the probes of one run (see `directResolver`): each new one opens its own
   * channel and reads the system's resolver settings again. A shared one is not cancelled on abort,
   * since other hosts' queries ride on it; its own time-out ends the query.
   */
  resolver?: dns.promises.Resolver;
}

/** A resolver for direct queries to these name servers (default: the system's). */
export function directResolver(servers?: readonly string[], queryTimeoutMs = 2000): dns.promises.Resolver {
  const resolver = new dns.promises.Resolver({ timeout: queryTimeoutMs, tries: 1 });
  if (servers) resolver.setServers([...servers]);
  return resolver;
}

const systemLookup: SystemLookup = async (host) => {
  const answers = await dns.promises.lookup(host, { all: true, verbatim: false });
  return answers.map((answer) => answer.address);
};

/** Both answers of one name, and the system's alone, which comes in first when it can be used. */
export interface DnsProbe {
  system: Promise<DnsAnswer>;
  result: Promise<DnsProbeResult>;
}

/** Asks the system resolver and the name servers directly, in parallel. */
export function startDnsProbe(host: string, options: DnsProbeOptions): DnsProbe {
  const system = lookupWithSystem(host, options);
  const direct = queryDirect(host, options);
  return { system, result: Promise.all([system, direct]).then(([s, d]) => ({ system: s, direct: d })) };
}

export function probeDns(host: string, options: DnsProbeOptions): Promise<DnsProbeResult> {
  return startDnsProbe(host, options).result;
}

async function lookupWithSystem(host: string, options: DnsProbeOptions): Promise<DnsAnswer> {
  const start = performance.now();
  const lookup = options.systemLookup ?? systemLookup;
  try {
    // getaddrinfo cannot be cancelled; on abort we stop waiting and let it finish on its own.
    const addresses = await raceAbort(options.signal, lookup(host));
    if (addresses === ABORTED) return abortedAnswer(options.signal, start);
    return addresses.length > 0 ? { kind: 'ok', addresses, ms: elapsedSince(start) } : { kind: 'nxdomain', ms: elapsedSince(start) };
  } catch (error) {
    return classifyError(error, start);
  }
}

async function queryDirect(host: string, options: DnsProbeOptions): Promise<DnsAnswer> {
  const start = performance.now();
  const shared = options.resolver;
  const resolver = shared ?? directResolver(options.servers, options.queryTimeoutMs);
  // IPv4 first; AAAA only for a name without IPv4, which halves the queries for thirty hosts.
  const query = async (): Promise<string[]> => {
    try {
      return await resolver.resolve4(host);
    } catch (error) {
      if (errorCode(error) !== 'ENODATA') throw error;
      return resolver.resolve6(host);
    }
  };
  try {
    const addresses = await raceAbort(options.signal, query(), shared ? undefined : () => resolver.cancel());
    if (addresses === ABORTED) return abortedAnswer(options.signal, start);
    return addresses.length > 0 ? { kind: 'ok', addresses, ms: elapsedSince(start) } : { kind: 'nxdomain', ms: elapsedSince(start) };
  } catch (error) {
    return classifyError(error, start);
  }
}

function abortedAnswer(signal: AbortSignal, start: number): DnsAnswer {
  return isDeadline(signal) ? { kind: 'timeout', ms: elapsedSince(start) } : { kind: 'cancelled', ms: elapsedSince(start) };
}

function classifyError(error: unknown, start: number): DnsAnswer {
  const code = errorCode(error);
  const ms = elapsedSince(start);
  switch (code) {
    case 'ENOTFOUND':
    case 'ENODATA':
      return { kind: 'nxdomain', ms };
    case 'ETIMEOUT':
    case 'ETIMEDOUT':
      return { kind: 'timeout', ms };
    case 'ECANCELLED':
      return { kind: 'cancelled', ms };
    default:
      return { kind: 'failed', code, ms };
  }
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return 'EUNKNOWN';
}

/**
 * The addresses here are a resolver's answers, always numeric: IPv6 ones, and only they, contain a
 * colon. (Not node:net's isIPv4: this module runs before the first query leaves, and loading
 * node:net then costs a cold CLI ~3 ms.)
 */
function isIPv4Answer(address: string): boolean {
  return !address.includes(':');
}

/** Addresses a DNS filter or hosts-file entry uses to block a name. */
export function isBlockingAddress(address: string): boolean {
  if (address === '0.0.0.0' || address === '::' || address === '::1') return true;
  return isIPv4Answer(address) && address.startsWith('127.');
}

export type DnsVerdict =
  | { kind: 'ok'; addresses: string[] }
  /** The system resolver's answer is one a filter or hosts file gives (0.0.0.0, 127.x). */
  | { kind: 'blocked'; addresses: string[]; direct: string[] }
  /** The system and the name servers disagree: a hosts-file entry or a filter. */
  | { kind: 'redirected'; addresses: string[]; direct: string[] }
  | { kind: 'nxdomain'; hostsOnly: boolean }
  | { kind: 'timeout' }
  | { kind: 'failed'; code: string }
  | { kind: 'cancelled' };

/**
 * Compares within one address family only: the direct query asks IPv4 first, so on an IPv6-only
 * network (NAT64) the system's IPv6 answer has nothing of its own family to be compared with.
 */
function disagree(system: readonly string[], direct: readonly string[]): boolean {
  for (const isFamily of [isIPv4Answer, (address: string) => !isIPv4Answer(address)]) {
    const ours = system.filter((a) => isFamily(a));
    const theirs = direct.filter((a) => isFamily(a));
    if (ours.length > 0 && theirs.length > 0) return !ours.some((a) => theirs.includes(a));
  }
  return false;
}

/**
 * The addresses apps would connect to, from the system's answer alone; undefined when there are
 * none to try (a failure, or a filter's blocking address). Whatever the direct answer, the verdict
 * on such an answer is `ok` or `redirected` with these same addresses, so a check may connect as
 * soon as the system has answered.
 */
export function connectableAddresses(system: DnsAnswer): string[] | undefined {
  return system.kind === 'ok' && !system.addresses.every(isBlockingAddress) ? system.addresses : undefined;
}

/** Reads the two answers together: what the user's apps get, and whether something altered it. */
export function judgeDns(result: DnsProbeResult): DnsVerdict {
  const { system, direct } = result;
  if (system.kind === 'cancelled') return { kind: 'cancelled' };
  const directAddresses = direct.kind === 'ok' ? direct.addresses : [];
  if (system.kind === 'ok') {
    const addresses = connectableAddresses(system);
    if (!addresses) return { kind: 'blocked', addresses: system.addresses, direct: directAddresses };
    if (direct.kind === 'ok' && disagree(addresses, direct.addresses)) {
      return { kind: 'redirected', addresses: system.addresses, direct: direct.addresses };
    }
    return { kind: 'ok', addresses: system.addresses };
  }
  if (system.kind === 'nxdomain') return { kind: 'nxdomain', hostsOnly: direct.kind === 'ok' };
  if (system.kind === 'timeout') return { kind: 'timeout' };
  // getaddrinfo says EAI_AGAIN for both a time-out and a server failure; the direct query tells which.
  if (direct.kind === 'timeout') return { kind: 'timeout' };
  if (direct.kind === 'nxdomain') return { kind: 'nxdomain', hostsOnly: false };
  if (direct.kind === 'failed') return { kind: 'failed', code: direct.code };
  return { kind: 'failed', code: system.code };
}
