import type { Duplex } from 'node:stream';
import type { CheckStatus, Layers, NetworkReason, PlannedCheck, ServerCheck, Timings, TlsSummary } from '../../app/contract/check';
import type { DnsProbeResult, DnsVerdict } from '../probes/dns';
import { probeHttp, judgeHttp } from '../probes/http';
import { directConnect, type Connect, type ConnectOutcome } from '../proxy/connector';
import { layersFor, serverChainLength } from './chain';
import { dnsFailureWords } from './dns-reason';
import { hostsFileNote } from '../system/hosts/lookup';
import { judgeCertificate, probeTls, type CertificateFacts } from '../probes/tls';
import type { DnsCache } from './dns-cache';
import { CANCELLED_DETAIL, type CheckTask } from './task';

export interface ServerTarget {
  entryId: string;
  host: string;
  port: number;
  pattern?: string;
  purpose: string;
  /** Issuer names that count as genuine; empty: any trusted issuer. */
  expectedIssuers: string[];
  httpPath?: string;
  reachableStatuses?: number[];
  /** Old name that may be gone: not resolving is a warning, not a failure. */
  legacy?: boolean;
}

function afterPendingEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function serverCheckId(host: string, port: number): string {
  return `server:${host}:${port}`;
}

export function plannedServer(target: ServerTarget): PlannedCheck {
  return {
    id: serverCheckId(target.host, target.port),
    kind: 'server',
    group: 'network',
    title: `${target.host}:${target.port}`,
    host: target.host,
    port: target.port,
    protocol: 'tcp',
    purpose: target.purpose,
    ...(target.pattern && target.pattern !== target.host ? { pattern: target.pattern } : {}),
    entryId: target.entryId,
  };
}

export function serverTask(target: ServerTarget, dns: DnsCache, connect: Connect = directConnect): CheckTask {
  const planned = plannedServer(target);
  return {
    planned,
    chainLength: serverChainLength(target.port),
    async run(signal) {
      // Records the proxy the connection went through, and names the hosts-file line behind a redirect.
      let via: string | undefined;
      const traced: Connect = async (...args) => {
        const outcome = await connect(...args);
        via = outcome.via;
        return outcome;
      };
      const check = await runServerCheck(target, dns, signal, traced);
      const note = check.reason === 'dns-redirected' ? await hostsFileNote(target.host) : '';
      return { ...check, detail: check.detail + note, ...(via ? { via } : {}) };
    },
    interrupted: (why) =>
      result(target, {
        status: why === 'cancelled' ? 'skipped' : 'fail',
        reason: why === 'cancelled' ? 'cancelled' : 'tcp-timeout',
        detail: why === 'cancelled' ? CANCELLED_DETAIL : `${target.host} did not finish answering before the deadline.`,
        layers: { dns: 'not-run', tcp: 'not-run', tls: layersFor(target.port).tls ? 'not-run' : 'not-applicable', http: 'not-run' },
        timings: {},
      }),
  };
}

interface Outcome {
  status: CheckStatus;
  reason: NetworkReason;
  detail: string;
  layers: Layers;
  timings: Timings;
  dns?: DnsProbeResult;
  tls?: TlsSummary;
  http?: { status: number; server?: string; location?: string };
}

async function runServerCheck(target: ServerTarget, cache: DnsCache, signal: AbortSignal, connect: Connect): Promise<ServerCheck> {
  const { host, port } = target;
  const speaks = layersFor(port);
  const layers: Layers = { dns: 'not-run', tcp: 'not-run', tls: speaks.tls ? 'not-run' : 'not-applicable', http: 'not-run' };
  const timings: Timings = {};

  const dns = await cache.judgeWhile(host, signal, (addresses) => connect(addresses, port, signal, host));
  const { result: dnsResult, verdict } = dns;
  timings.dnsMs = dns.dnsMs;
  const withDns = (outcome: Omit<Outcome, 'layers' | 'timings' | 'dns'>): ServerCheck =>
    result(target, { ...outcome, layers, timings, dns: dnsResult });

  if (dns.verdict.kind === 'cancelled') {
    return withDns({ status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL });
  }
  let tcp: Awaited<ReturnType<Connect>>;
  let unresolvedNote = '';
  if (!dns.started) {
    const stopping = dns.verdict;
    const failure = dnsFailure(target, stopping);
    // Behind a proxy the proxy resolves names, so apps work without local DNS: try through it.
    const throughProxy = stopping.kind === 'blocked' ? undefined : await connectWithoutAddresses(connect, port, signal, host);
    if (!throughProxy) {
      layers.dns = failure.status === 'warn' ? 'warn' : 'fail';
      return withDns(failure);
    }
    layers.dns = 'warn';
    tcp = throughProxy;
    unresolvedNote = ` This computer cannot look up ${host} itself (${dnsFailureWords(stopping)}), but the proxy ${throughProxy.via} does, as it would for Apple's apps.`;
  } else {
    layers.dns = verdict.kind === 'redirected' ? 'warn' : 'ok';
    tcp = await dns.started;
  }
  const redirected = verdict.kind === 'redirected' ? verdict : undefined;
  timings.tcpMs = tcp.ms;
  if (tcp.kind === 'cancelled') return withDns({ status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL });
  if (tcp.kind === 'proxy-refused') {
    layers.tcp = 'fail';
    return withDns({ status: 'fail', reason: tcp.reason, detail: tcp.detail });
  }
  if (tcp.kind !== 'connected') {
    layers.tcp = 'fail';
    const reason = tcp.kind === 'refused' ? 'tcp-refused' : tcp.kind === 'timeout' ? 'tcp-timeout' : 'tcp-unreachable';
    const what = {
      'tcp-refused': `${host} refused the connection on port ${port} (the connection was reset): a firewall or security product is rejecting it.`,
      'tcp-timeout': `No answer from ${host} on port ${port}: the connection attempt was dropped, typically by a firewall.`,
      'tcp-unreachable': `${host} on port ${port} is unreachable from this computer (${tcp.kind === 'unreachable' ? tcp.code : ''}): no route to it.`,
    }[reason];
    return withDns(redirected ? redirectedFailure(target, redirected, what) : { status: 'fail', reason, detail: what });
  }
  layers.tcp = 'ok';

  let connection: Duplex = tcp.socket;
  let tlsSummary: TlsSummary | undefined;
  if (speaks.tls) {
    // Other hosts' DNS answers and connects go first: this hello only has to reach the server
    // within its round trip, while a connect started late holds up a whole chain.
    await afterPendingEvents();
    const handshake = await probeTls(tcp.socket, host, signal);
    timings.tlsMs = handshake.ms;
    if (handshake.kind === 'cancelled') return withDns({ status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL });
    if (handshake.kind === 'failed') {
      layers.tls = 'fail';
      const detail = `Connected to ${host} on port ${port}, but ${handshake.message}.`;
      return withDns(
        redirected ? redirectedFailure(target, redirected, detail) : { status: 'fail', reason: 'tls-handshake-failed', detail },
      );
    }
    tlsSummary = summarizeTls(handshake.cert);
    const judgement = judgeCertificate(handshake.cert, target.expectedIssuers);
    if (judgement.kind !== 'ok') {
      handshake.socket.destroy();
      layers.tls = 'fail';
      return result(target, { ...certificateFailure(target, judgement), layers, timings, dns: dnsResult, tls: tlsSummary });
    }
    layers.tls = 'ok';
    connection = handshake.socket;
  }

  if (!speaks.http) {
    connection.destroy();
    return result(target, {
      ...reached(target, redirected, `Reached ${host} on port ${port}${speaks.tls ? ' with a genuine certificate' : ''}.${unresolvedNote}`),
      layers,
      timings,
      dns: dnsResult,
      ...(tlsSummary ? { tls: tlsSummary } : {}),
    });
  }

  const response = await probeHttp(connection, { host, path: target.httpPath ?? '/', signal, ...tcp.http });
  timings.httpMs = response.ms;
  const withTls = tlsSummary ? { tls: tlsSummary } : {};
  if (response.kind === 'cancelled')
    return result(target, {
      status: 'skipped',
      reason: 'cancelled',
      detail: CANCELLED_DETAIL,
      layers,
      timings,
      dns: dnsResult,
      ...withTls,
    });
  if (response.kind === 'failed') {
    layers.http = 'fail';
    return result(target, {
      status: 'fail',
      reason: 'http-error',
      detail: `Connected to ${host} on port ${port}, but ${response.message}.`,
      layers,
      timings,
      dns: dnsResult,
      ...withTls,
    });
  }
  const http = {
    status: response.status,
    ...(response.headers['server'] ? { server: response.headers['server'] } : {}),
    ...(response.headers['location'] ? { location: response.headers['location'] } : {}),
  };
  const judged = judgeHttp(response.status, response.headers, host, target.reachableStatuses);
  if (judged.kind === 'blocked') {
    layers.http = 'fail';
    const detail = {
      'proxy-auth': `A proxy (${judged.by}) stands between this computer and ${host} and asks for a password (HTTP ${judged.status}). Apple's apps cannot answer that.`,
      'proxy-denied': `A proxy or filter (${judged.by}) refused the request to ${host} (HTTP ${judged.status}). Ask whoever runs it to allow Apple's servers.`,
      'portal-redirect': `The request to ${host} was sent to another site (${judged.by}) instead: a sign-in page (captive portal) or a filter's block page.`,
    }[judged.why];
    return result(target, { status: 'fail', reason: 'http-blocked', detail, layers, timings, dns: dnsResult, http, ...withTls });
  }
  if (judged.kind === 'server-error') {
    layers.http = 'warn';
    return result(target, {
      status: 'warn',
      reason: 'http-error',
      detail: `${host} answered with a server error (HTTP ${judged.status}). It is reachable; the problem is probably on Apple's side and passes.`,
      layers,
      timings,
      dns: dnsResult,
      http,
      ...withTls,
    });
  }
  layers.http = 'ok';
  const answered = target.reachableStatuses?.includes(judged.status)
    ? `${host} answered (HTTP ${judged.status}, which is normal for it)`
    : `${host} answered (HTTP ${judged.status})`;
  return result(target, {
    ...reached(target, redirected, `Reachable: ${answered}${speaks.tls ? ' over a genuine secure connection' : ''}.${unresolvedNote}`),
    layers,
    timings,
    dns: dnsResult,
    http,
    ...withTls,
  });
}

/** A connection through the proxy when no address is known; undefined when no proxy applies. */
async function connectWithoutAddresses(
  connect: Connect,
  port: number,
  signal: AbortSignal,
  host: string,
): Promise<(ConnectOutcome & { via: string }) | undefined> {
  const outcome = await connect([], port, signal, host);
  if (outcome.via) return outcome as ConnectOutcome & { via: string };
  if (outcome.kind === 'connected') outcome.socket.destroy();
  return undefined;
}

function reached(
  target: ServerTarget,
  redirected: Extract<DnsVerdict, { kind: 'redirected' }> | undefined,
  detail: string,
): Pick<Outcome, 'status' | 'reason' | 'detail'> {
  if (!redirected) return { status: 'ok', reason: 'ok', detail };
  return {
    status: 'warn',
    reason: 'dns-redirected',
    detail: `${detail} But this computer resolves ${target.host} to ${redirected.addresses.join(', ')} while the name servers say ${redirected.direct.join(', ')}: a hosts-file entry or a DNS filter changes it.`,
  };
}

function redirectedFailure(
  target: ServerTarget,
  verdict: Extract<DnsVerdict, { kind: 'redirected' }>,
  what: string,
): Pick<Outcome, 'status' | 'reason' | 'detail'> {
  return {
    status: 'fail',
    reason: 'dns-redirected',
    detail: `This computer sends ${target.host} to ${verdict.addresses.join(', ')}, but the name servers say ${verdict.direct.join(', ')}: a hosts-file entry or a DNS filter redirects it. ${what}`,
  };
}

function dnsFailure(
  target: ServerTarget,
  verdict: Exclude<DnsVerdict, { kind: 'ok' | 'redirected' | 'cancelled' }>,
): Pick<Outcome, 'status' | 'reason' | 'detail'> {
  switch (verdict.kind) {
    case 'blocked':
      return {
        status: 'fail',
        reason: 'dns-redirected',
        detail: `${target.host} is blocked on this computer: it resolves to ${verdict.addresses.join(', ')}, which goes nowhere. A hosts-file entry or a DNS block list (such as Pi-hole) does this.`,
      };
    case 'nxdomain':
      // Only a missing name is softened for legacy entries: Apple may have retired it.
      if (target.legacy && !verdict.hostsOnly) {
        return {
          status: 'warn',
          reason: 'dns-nxdomain',
          detail: `The name ${target.host} does not resolve. It is an old name Apple may have retired, so this does not show a problem with your network.`,
        };
      }
      return {
        status: 'fail',
        reason: 'dns-nxdomain',
        detail: verdict.hostsOnly
          ? `This computer says ${target.host} does not exist, although the name servers know it: something local (hosts file, security software) hides it.`
          : `The name ${target.host} does not exist according to your DNS server. A DNS filter or block list may be hiding it.`,
      };
    case 'timeout':
      return {
        status: 'fail',
        reason: 'dns-timeout',
        detail: `Looking up ${target.host} got no answer in time: the DNS server is unreachable or its answers are dropped.`,
      };
    case 'failed':
      return { status: 'fail', reason: 'dns-failed', detail: `Looking up ${target.host} failed: ${describeDnsFailure(verdict.code)}.` };
  }
}

function describeDnsFailure(code: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'no DNS server answers at all (the configured one refused), so this computer cannot look up any name; check the network connection and its DNS settings';
    case 'ESERVFAIL':
      return 'the DNS server reported a failure (SERVFAIL): it could not answer for this name';
    case 'EREFUSED':
      return 'the DNS server refused to answer for this name (a DNS filter does this)';
    default:
      return `the DNS server could not answer (${code})`;
  }
}

function certificateFailure(
  target: ServerTarget,
  judgement: Exclude<ReturnType<typeof judgeCertificate>, { kind: 'ok' }>,
): Pick<Outcome, 'status' | 'reason' | 'detail'> {
  switch (judgement.kind) {
    case 'intercepted':
      return {
        status: 'fail',
        reason: 'tls-intercepted',
        detail: `The secure connection to ${target.host} is intercepted: its certificate comes from "${judgement.issuer}", not from Apple. Security software or a proxy is inspecting the traffic${judgement.trusted ? ' with its own certificate authority installed on this computer' : ''}; Apple's apps refuse such connections. Exclude Apple's servers from HTTPS scanning.`,
      };
    case 'expired':
      return {
        status: 'fail',
        reason: 'tls-expired',
        detail: `The certificate presented for ${target.host} expired on ${judgement.validTo || 'an earlier date'}. If this computer's clock is wrong, fix it; otherwise something in between serves an old certificate.`,
      };
    case 'name-mismatch':
      return {
        status: 'fail',
        reason: 'tls-name-mismatch',
        detail: `The certificate presented for ${target.host} is for a different name: the connection reached the wrong server (a redirect, a filter or a captive portal).`,
      };
    case 'untrusted':
      return {
        status: 'fail',
        reason: 'tls-untrusted',
        detail: `The certificate presented for ${target.host} is not trusted by this computer (${judgement.error}).`,
      };
  }
}

function summarizeTls(cert: CertificateFacts): TlsSummary {
  return { issuer: cert.issuer, subject: cert.subject, validTo: cert.validTo, trusted: cert.trusted, chain: cert.chain };
}

function result(target: ServerTarget, outcome: Outcome): ServerCheck {
  const planned = plannedServer(target);
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
    status: outcome.status,
    reason: outcome.reason,
    detail: outcome.detail,
    timings: outcome.timings,
    layers: outcome.layers,
    ...(outcome.dns ? { dns: { system: addressesOf(outcome.dns.system), direct: addressesOf(outcome.dns.direct) } } : {}),
    ...(outcome.tls ? { tls: outcome.tls } : {}),
    ...(outcome.http ? { http: outcome.http } : {}),
  };
}

function addressesOf(answer: DnsProbeResult['system']): string[] {
  return answer.kind === 'ok' ? answer.addresses : [];
}
