import type net from 'node:net';
import type { ConnectOutcome, HttpVia } from '../../proxy/connector';
import { dnsFailureWords } from '../dns-reason';
import type { StageContext } from './context';
import type { Resolved, Unresolved } from './dns-stage';
import type { Ending } from './ending';

export interface Connected {
  kind: 'connected';
  socket: net.Socket;
  /** How HTTP must be spoken on it: set for a plain-HTTP proxy. */
  http: HttpVia | undefined;
}

/**
 * Waits for the connection DNS started, or, when this computer could not look the name up, tries
 * the proxy: behind one, the proxy resolves names, so Apple's apps work without local DNS.
 */
export async function connectStage(context: StageContext, dns: Resolved | Unresolved): Promise<Connected | Ending> {
  const { target, progress } = context;
  const { findings } = progress;
  const { host, port } = target;
  progress.enter('tcp');
  let outcome: ConnectOutcome;
  if (dns.kind === 'resolved') {
    outcome = await dns.connection;
  } else {
    findings.dnsLayer = 'warn';
    const throughProxy = await context.connect([], port, context.signal, host);
    if (!throughProxy.via) {
      if (throughProxy.kind === 'connected') throughProxy.socket.destroy();
      return dns.failure;
    }
    findings.unresolvedNote = ` This computer cannot look up ${host} itself (${dnsFailureWords(dns.verdict)}), but the proxy ${throughProxy.via} does, as it would for Apple's apps.`;
    outcome = throughProxy;
  }
  if (outcome.via) findings.via = outcome.via;
  findings.timings.tcpMs = outcome.ms;
  const stop = { kind: 'stopped', at: 'tcp', status: 'fail' } as const;
  switch (outcome.kind) {
    case 'connected':
      return { kind: 'connected', socket: outcome.socket, http: outcome.http };
    case 'cancelled':
      return { kind: 'cancelled', at: 'tcp' };
    case 'proxy-refused':
      // The proxy's own answer to CONNECT (407, 403...) tells the diagnosis a password from a refusal.
      if (outcome.http) findings.http = outcome.http;
      return { ...stop, reason: outcome.reason, detail: outcome.detail, met: outcome.detail };
    case 'refused':
      return {
        ...stop,
        reason: 'tcp-refused',
        detail: `${host} refused the connection on port ${port} (the connection was reset): a firewall or security product is rejecting it.`,
        met: `The connection there on port ${port} was refused (reset): nothing there accepts it.`,
      };
    case 'timeout':
      return {
        ...stop,
        reason: 'tcp-timeout',
        detail: `No answer from ${host} on port ${port}: the connection attempt was dropped, typically by a firewall.`,
        met: `Nothing answered there on port ${port}: the connection attempt timed out.`,
      };
    case 'unreachable':
      return {
        ...stop,
        reason: 'tcp-unreachable',
        detail: `${host} on port ${port} is unreachable from this computer (${outcome.code}): no route to it.`,
        met: `That address cannot be reached on port ${port} (${outcome.code}): there is no route to it.`,
      };
  }
}
