import { getMaxListeners, setMaxListeners } from 'node:events';
import {
  connectableAddresses,
  directResolver,
  judgeDns,
  startDnsProbe,
  type DnsProbe,
  type DnsProbeOptions,
  type DnsProbeResult,
  type DnsVerdict,
} from '../probes/dns';

export interface DnsSettings {
  servers?: readonly string[];
  systemLookup?: DnsProbeOptions['systemLookup'];
}

export interface JudgedDns {
  result: DnsProbeResult;
  verdict: DnsVerdict;
  dnsMs: number;
}

type ReachableVerdict = Extract<DnsVerdict, { kind: 'ok' | 'redirected' }>;

/** A judgement with what was started on its addresses: there exactly when there were addresses to use. */
export type JudgedWhile<T> =
  | (JudgedDns & { verdict: ReachableVerdict; started: Promise<T> })
  | (JudgedDns & { verdict: Exclude<DnsVerdict, ReachableVerdict>; started?: undefined });

/**
 * One DNS probe per host per run: a host with two ports (80 and 443) is looked up once, and the
 * second check waits on the same answer.
 */
export class DnsCache {
  private readonly probes = new Map<string, DnsProbe>();
  private resolver: ReturnType<typeof directResolver> | undefined;
  /** performance.now() when the first name was asked for: where a run that prefetched began. */
  firstAskedAt: number | undefined;

  constructor(private readonly settings: DnsSettings = {}) {}

  /**
   * Asks for these hosts now, in this order, ahead of the checks that will need them: the command
   * line does this before it has finished loading, so the answers are on their way meanwhile.
   */
  prefetch(hosts: readonly string[], signal: AbortSignal): void {
    // Each lookup listens on this one signal twice (system and direct): expected, not a leak.
    setMaxListeners(getMaxListeners(signal) + 2 * hosts.length, signal);
    for (const host of hosts) this.probe(host, signal);
  }

  /**
   * The shared answer, judged, with the time it took: what every check starts from. Meanwhile
   * starts `use` on the addresses apps connect to as soon as the system resolver has given them:
   * the direct query, often the later of the two, only changes what the verdict says, never
   * where to connect (see connectableAddresses).
   */
  async judgeWhile<T>(host: string, signal: AbortSignal, use: (addresses: string[]) => Promise<T>): Promise<JudgedWhile<T>> {
    const probe = this.probe(host, signal);
    const addresses = connectableAddresses(await probe.system);
    const early = addresses ? use(addresses) : undefined;
    // Handled here too: should `use` fail while the direct answer is awaited, the caller still
    // gets the failure when it awaits `started`, rather than the process an unhandled rejection.
    early?.catch(() => undefined);
    const judgement = judged(await probe.result);
    const { verdict } = judgement;
    if (verdict.kind === 'ok' || verdict.kind === 'redirected') {
      // Always started above (connectableAddresses agrees with judgeDns); `use` here only keeps the type honest.
      return { ...judgement, verdict, started: early ?? use(verdict.addresses) };
    }
    return { ...judgement, verdict };
  }

  private probe(host: string, signal: AbortSignal): DnsProbe {
    const key = host.toLowerCase();
    let probe = this.probes.get(key);
    if (!probe) {
      this.firstAskedAt ??= performance.now();
      this.resolver ??= directResolver(this.settings.servers);
      probe = startDnsProbe(key, {
        signal,
        resolver: this.resolver,
        ...(this.settings.systemLookup ? { systemLookup: this.settings.systemLookup } : {}),
      });
      this.probes.set(key, probe);
    }
    return probe;
  }
}

function judged(result: DnsProbeResult): JudgedDns {
  return { result, verdict: judgeDns(result), dnsMs: Math.max(result.system.ms, result.direct.ms) };
}
