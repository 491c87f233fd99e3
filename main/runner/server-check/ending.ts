import type { NetworkReason, ServerCheck, Timings, TlsSummary } from '../../../app/contract/check';
import type { DnsProbeResult } from '../../probes/dns';

/** The stages of a server check, in order; each is also the layer it reports on. */
export type Stage = 'dns' | 'tcp' | 'tls' | 'http';

interface StoppedFields {
  kind: 'stopped';
  status: 'fail' | 'warn';
  reason: NetworkReason;
  /** The sentence the report gives when nothing earlier explains this stop. */
  detail: string;
}

/**
 * A stage that did not pass. Past DNS it also says, in one sentence, what was met at the address
 * ("A server there presented a certificate for …"): what a redirected answer's report quotes.
 */
export type Stopped = StoppedFields & ({ at: 'dns' } | { at: Exclude<Stage, 'dns'>; met: string });

/** How a check ended: a stage stopped it, the user cancelled during a stage, or every stage passed. */
export type Ending = Stopped | { kind: 'cancelled'; at: Stage } | { kind: 'reached'; detail: string };

/** The system resolver's answer differs from the name servers': where the check went instead. */
export interface Redirect {
  addresses: string[];
  direct: string[];
  /** Names the hosts-file line behind it, or ''. */
  hostsNote: string;
}

/** What the stages found as they went: everything the finishing step needs besides the ending. */
export interface Findings {
  timings: Timings;
  dns?: DnsProbeResult;
  /** The DNS layer once the stage passed: `warn` when the answer was altered, or only a proxy resolves the name. */
  dnsLayer: 'ok' | 'warn';
  redirect?: Redirect;
  /** Added to a success when only the proxy could look the name up. */
  unresolvedNote: string;
  /** The proxy the connection went through, when one applied. */
  via?: string;
  tls?: TlsSummary;
  http?: NonNullable<ServerCheck['http']>;
}

export function emptyFindings(): Findings {
  return { timings: {}, dnsLayer: 'ok', unresolvedNote: '' };
}
