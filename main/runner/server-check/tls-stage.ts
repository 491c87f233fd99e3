import type tls from 'node:tls';
import type net from 'node:net';
import type { TlsSummary } from '../../../app/contract/check';
import { judgeCertificate, probeTls, type CertificateFacts } from '../../probes/tls';
import { certificateProblem } from './certificate-words';
import type { StageContext } from './context';
import type { Ending } from './ending';

export interface Secured {
  kind: 'secured';
  socket: tls.TLSSocket;
}

/** The handshake over the open connection, and the certificate judged against the host's expected issuers. */
export async function tlsStage(context: StageContext, socket: net.Socket): Promise<Secured | Ending> {
  const { target, progress } = context;
  const { findings } = progress;
  const { host, port } = target;
  progress.enter('tls');
  // Other hosts' DNS answers and connects go first: this hello only has to reach the server
  // within its round trip, while a connect started late holds up a whole chain.
  await afterPendingEvents();
  const handshake = await probeTls(socket, host, context.signal, context.trust);
  findings.timings.tlsMs = handshake.ms;
  switch (handshake.kind) {
    case 'cancelled':
      return { kind: 'cancelled', at: 'tls' };
    case 'failed':
      return {
        kind: 'stopped',
        at: 'tls',
        status: 'fail',
        reason: 'tls-handshake-failed',
        detail: `Connected to ${host} on port ${port}, but ${handshake.message}.`,
        met: `Something there accepted the connection, but ${handshake.message}.`,
      };
    case 'handshake': {
      findings.tls = summarize(handshake.cert);
      const judgement = judgeCertificate(handshake.cert, target.expectedIssuers);
      if (judgement.kind === 'ok') return { kind: 'secured', socket: handshake.socket };
      handshake.socket.destroy();
      return certificateProblem(target, judgement, handshake.cert);
    }
  }
}

function afterPendingEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function summarize(cert: CertificateFacts): TlsSummary {
  return { issuer: cert.issuer, subject: cert.subject, validTo: cert.validTo, trusted: cert.trusted, chain: cert.chain };
}
