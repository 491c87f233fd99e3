import { judgeDns, probeDns, type DnsProbeOptions, type DnsProbeResult, type DnsVerdict } from '../probes/dns';

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

  constructor(private readonly settings: DnsSettings = {}) {}

  lookup(host: string, signal: AbortSignal): Promise<DnsProbeResult> {
    const key = host.toLowerCase();
    let answer = this.answers.get(key);
    if (!answer) {
      answer = probeDns(key, {
        signal,
        ...(this.settings.servers ? { servers: this.settings.servers } : {}),
        ...(this.settings.systemLookup ? { systemLookup: this.settings.systemLookup } : {}),
      });
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** The shared answer, judged, with the time it took: what every check starts from. */
  async judge(host: string, signal: AbortSignal): Promise<{ result: DnsProbeResult; verdict: DnsVerdict; dnsMs: number }> {
    const result = await this.lookup(host, signal);
    return { result, verdict: judgeDns(result), dnsMs: Math.max(result.system.ms, result.direct.ms) };
  }
}

export const CANCELLED_DETAIL = 'Cancelled before this check finished.';
