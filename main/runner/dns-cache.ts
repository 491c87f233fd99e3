import { getMaxListeners, setMaxListeners } from 'node:events';
import { directResolver, judgeDns, probeDns, type DnsProbeOptions, type DnsProbeResult, type DnsVerdict } from '../probes/dns';

export interface DnsSettings {
  servers?: readonly string[];
  systemLookup?: DnsProbeOptions['systemLookup'];
}

/**
 * One DNS probe per host per run: a host with two ports (80 and 443) is looked up once, and the
 * second check waits on the same answer.
 */
export class DnsCache {
  private readonly answers = new Map<string, Promise<DnsProbeResult>>();
  private resolver: ReturnType<typeof directResolver> | undefined;
  /** performance.now() when the first name was asked for: where a run that prefetched began. */
  firstAskedAt: number | undefined;

  constructor(private readonly settings: DnsSettings = {}) {}

  lookup(host: string, signal: AbortSignal): Promise<DnsProbeResult> {
    const key = host.toLowerCase();
    let answer = this.answers.get(key);
    if (!answer) {
      this.firstAskedAt ??= performance.now();
      this.resolver ??= directResolver(this.settings.servers);
      answer = probeDns(key, {
        signal,
        resolver: this.resolver,
        ...(this.settings.systemLookup ? { systemLookup: this.settings.systemLookup } : {}),
      });
      this.answers.set(key, answer);
    }
    return answer;
  }

  /**
   * Asks for these hosts now, in this order, ahead of the checks that will need them: the command
   * line does this before it has finished loading, so the answers are on their way meanwhile.
   */
  prefetch(hosts: readonly string[], signal: AbortSignal): void {
    // Each lookup listens on this one signal twice (system and direct): expected, not a leak.
    setMaxListeners(getMaxListeners(signal) + 2 * hosts.length, signal);
    for (const host of hosts) void this.lookup(host, signal);
  }

  /** The shared answer, judged, with the time it took: what every check starts from. */
  async judge(host: string, signal: AbortSignal): Promise<{ result: DnsProbeResult; verdict: DnsVerdict; dnsMs: number }> {
    const result = await this.lookup(host, signal);
    return { result, verdict: judgeDns(result), dnsMs: Math.max(result.system.ms, result.direct.ms) };
  }
}
