import type { ConnectOutcome } from '../../proxy/connector';
import { hostsFileNote } from '../../system/hosts/lookup';
import type { StageContext } from './context';
import { blocked, unresolved, type UnresolvedVerdict } from './dns-words';
import type { Ending, Stopped } from './ending';

/** The system resolver gave addresses; the connection to them is already under way. */
export interface Resolved {
  kind: 'resolved';
  connection: Promise<ConnectOutcome>;
}

/** This computer cannot look the name up; a proxy, which resolves names itself, may still reach it. */
export interface Unresolved {
  kind: 'unresolved';
  verdict: UnresolvedVerdict;
  failure: Stopped & { at: 'dns' };
}

/**
 * Looks the host up, connecting as soon as the system resolver answers (see DnsCache.judgeWhile),
 * and judges the answer against the name servers'. A redirected or blocked answer gets the
 * hosts-file line behind it, read here while the connection is on its way.
 */
export async function dnsStage(context: StageContext): Promise<Resolved | Unresolved | Ending> {
  const { target, signal, connect, progress } = context;
  const judged = await context.cache.judgeWhile(target.host, signal, (addresses) => connect(addresses, target.port, signal, target.host));
  const { findings } = progress;
  findings.timings.dnsMs = judged.dnsMs;
  findings.dns = judged.result;
  if (judged.started) {
    const { verdict } = judged;
    if (verdict.kind === 'redirected') {
      findings.dnsLayer = 'warn';
      findings.redirect = {
        addresses: verdict.addresses,
        direct: verdict.direct,
        hostsNote: await hostsFileNote(target.host, context.hostsFile),
      };
    }
    return { kind: 'resolved', connection: judged.started };
  }
  const { verdict } = judged;
  switch (verdict.kind) {
    case 'cancelled':
      return { kind: 'cancelled', at: 'dns' };
    case 'blocked':
      return blocked(target, verdict, await hostsFileNote(target.host, context.hostsFile));
    default:
      return { kind: 'unresolved', verdict, failure: unresolved(target, verdict) };
  }
}
