import {
  assertNever,
  type CheckStatus,
  type Layers,
  type LayerState,
  type NetworkReason,
  type ServerCheck,
} from '../../../app/contract/check';
import type { DnsAnswer } from '../../probes/dns';
import { layersFor } from '../chain';
import { CANCELLED_DETAIL } from '../../scheduler/task';
import type { Ending, Findings, Redirect, Stage } from './ending';
import { plannedServer, type ServerTarget } from './target';

const ORDER: readonly Stage[] = ['dns', 'tcp', 'tls', 'http'];

/** The one place a server check's result is built: from what the stages found and how the check ended. */
export function finish(target: ServerTarget, findings: Findings, ending: Ending): ServerCheck {
  const planned = plannedServer(target);
  const { dns, tls, http, via } = findings;
  return {
    id: planned.id,
    kind: 'server',
    group: 'network',
    title: planned.title,
    entryId: target.entryId,
    host: target.host,
    port: target.port,
    protocol: 'tcp',
    ...(planned.pattern ? { pattern: planned.pattern } : {}),
    purpose: target.purpose,
    ...verdict(target, findings, ending),
    timings: findings.timings,
    layers: layersOf(target.port, findings.dnsLayer, ending),
    ...(dns ? { dns: { system: addressesOf(dns.system), direct: addressesOf(dns.direct) } } : {}),
    ...(tls ? { tls } : {}),
    ...(http ? { http } : {}),
    ...(via ? { via } : {}),
  };
}

interface Verdict {
  status: CheckStatus;
  reason: NetworkReason;
  detail: string;
}

/**
 * Root cause first: when this computer's answer was altered and the check then failed at that
 * address (TCP, TLS or HTTP, a time-out included), the altered answer is the finding and what was
 * met there its evidence; the layers still show where it failed. Through a proxy the proxy
 * resolves the name itself, so there the redirect explains nothing.
 */
function verdict(target: ServerTarget, findings: Findings, ending: Ending): Verdict {
  const { redirect } = findings;
  switch (ending.kind) {
    case 'cancelled':
      return { status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL };
    case 'reached': {
      const detail = ending.detail + findings.unresolvedNote;
      if (!redirect) return { status: 'ok', reason: 'ok', detail };
      return {
        status: 'warn',
        reason: 'dns-redirected',
        detail: `${detail} But this computer resolves ${target.host} to ${redirect.addresses.join(', ')} while the name servers say ${redirect.direct.join(', ')}: a hosts-file entry or a DNS filter changes it.${redirect.hostsNote}`,
      };
    }
    case 'stopped':
      if (ending.at === 'dns' || !redirect || findings.via) return { status: ending.status, reason: ending.reason, detail: ending.detail };
      return { status: ending.status, reason: 'dns-redirected', detail: redirected(target, redirect, ending.met) };
    default:
      return assertNever(ending, 'server check ending');
  }
}

function redirected(target: ServerTarget, redirect: Redirect, met: string): string {
  return `This computer sends ${target.host} to ${redirect.addresses.join(', ')}, but the name servers say ${redirect.direct.join(', ')}: a hosts-file entry or a DNS filter redirects it. ${met}${redirect.hostsNote}`;
}

/** Layers before the one where the check ended passed, that one says how it ended, the rest never ran. */
function layersOf(port: number, dnsLayer: Findings['dnsLayer'], ending: Ending): Layers {
  const speaks = layersFor(port);
  const endedAt = ending.kind === 'reached' ? ORDER.length : ORDER.indexOf(ending.at);
  const stateOf = (stage: Stage): LayerState => {
    const index = ORDER.indexOf(stage);
    if (index < endedAt) return stage === 'dns' ? dnsLayer : 'ok';
    if (index === endedAt && ending.kind === 'stopped') return ending.status;
    return 'not-run';
  };
  return {
    dns: stateOf('dns'),
    tcp: stateOf('tcp'),
    tls: speaks.tls ? stateOf('tls') : 'not-applicable',
    http: speaks.http ? stateOf('http') : 'not-run',
  };
}

function addressesOf(answer: DnsAnswer): string[] {
  return answer.kind === 'ok' ? answer.addresses : [];
}
