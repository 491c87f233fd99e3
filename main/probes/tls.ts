import type net from 'node:net';
import tls from 'node:tls';
import { elapsedSince, isDeadline } from './deadline';

export interface CertificateFacts {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** Issuer of each certificate in the chain, leaf first (organisation, else common name). */
  chain: string[];
  trusted: boolean;
  /** OpenSSL's verdict when the chain is not trusted (e.g. CERT_HAS_EXPIRED). */
  authorizationError?: string;
  /** Set when the certificate does not cover the host name. */
  nameMismatch?: string;
}

export type TlsOutcome =
  | { kind: 'handshake'; socket: tls.TLSSocket; cert: CertificateFacts; ms: number }
  | { kind: 'failed'; why: 'reset' | 'not-tls' | 'no-answer' | 'protocol'; message: string; ms: number }
  | { kind: 'cancelled'; ms: number };

/**
 * Runs a TLS handshake over an open TCP socket. The handshake never rejects on trust: the
 * certificate is collected and judged afterwards, so we can say what was wrong with it.
 * Ownership: the raw socket belongs to the TLS socket from here on; on failure both are gone.
 */
export function probeTls(raw: net.Socket, servername: string, signal: AbortSignal): Promise<TlsOutcome> {
  const start = performance.now();
  return new Promise((resolve) => {
    // Destroy the TLS socket, never the raw one under it first (Node 20 can crash on that).
    const socket = tls.connect({
      socket: raw,
      servername,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    let settled = false;
    const finish = (outcome: TlsOutcome) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (outcome.kind !== 'handshake') socket.destroy();
      resolve(outcome);
    };
    const onAbort = () => {
      const ms = elapsedSince(start);
      finish(
        isDeadline(signal)
          ? { kind: 'failed', why: 'no-answer', message: 'the server accepted the connection but never completed the secure handshake', ms }
          : { kind: 'cancelled', ms },
      );
    };
    socket.once('secureConnect', () => {
      finish({ kind: 'handshake', socket, cert: describeCertificate(socket, servername), ms: elapsedSince(start) });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      finish({ kind: 'failed', ...classifyHandshakeError(error), ms: elapsedSince(start) });
    });
    socket.once('close', () => {
      finish({ kind: 'failed', why: 'reset', message: 'the connection was closed during the secure handshake', ms: elapsedSince(start) });
    });
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

function classifyHandshakeError(error: NodeJS.ErrnoException): { why: 'reset' | 'not-tls' | 'protocol'; message: string } {
  const code = error.code ?? '';
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return { why: 'reset', message: 'the connection was reset during the secure handshake' };
  }
  if (
    /WRONG_VERSION_NUMBER|UNKNOWN_PROTOCOL|PACKET_LENGTH_TOO_LONG|RECORD_LENGTH_MISMATCH|BAD_RECORD|HTTP_REQUEST/i.test(
      `${code} ${error.message}`,
    )
  ) {
    return { why: 'not-tls', message: 'the server answered with something that is not TLS' };
  }
  return { why: 'protocol', message: `the secure handshake failed (${code || error.message})` };
}

function describeCertificate(socket: tls.TLSSocket, servername: string): CertificateFacts {
  const leaf = socket.getPeerCertificate(true);
  const identityError = leaf && Object.keys(leaf).length > 0 ? tls.checkServerIdentity(servername, leaf) : undefined;
  const authorizationError = socket.authorizationError ? String(socket.authorizationError) : undefined;
  return {
    subject: nameOf(leaf.subject),
    issuer: nameOf(leaf.issuer),
    validFrom: leaf.valid_from ?? '',
    validTo: leaf.valid_to ? new Date(leaf.valid_to).toISOString() : '',
    chain: issuerChain(leaf),
    trusted: socket.authorized,
    ...(authorizationError ? { authorizationError } : {}),
    ...(identityError ? { nameMismatch: identityError.message } : {}),
  };
}

function issuerChain(leaf: tls.DetailedPeerCertificate): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  let current: tls.DetailedPeerCertificate | undefined = leaf;
  // Bounded: a chain longer than 10 is not one we need to describe.
  for (let depth = 0; current && depth < 10; depth += 1) {
    const key = current.fingerprint256 ?? String(depth);
    if (seen.has(key)) break;
    seen.add(key);
    names.push(nameOf(current.issuer));
    const next: tls.DetailedPeerCertificate | undefined = current.issuerCertificate;
    if (!next || next === current) break;
    current = next;
  }
  return names;
}

function nameOf(name: tls.Certificate | undefined): string {
  if (!name) return '';
  const org = Array.isArray(name.O) ? name.O.join(', ') : name.O;
  const cn = Array.isArray(name.CN) ? name.CN.join(', ') : name.CN;
  if (org && cn && !cn.includes(org)) return `${cn} (${org})`;
  return cn || org || '';
}

export type TlsJudgement =
  | { kind: 'ok' }
  | { kind: 'intercepted'; issuer: string; trusted: boolean }
  | { kind: 'expired'; validTo: string }
  | { kind: 'name-mismatch'; message: string }
  | { kind: 'untrusted'; error: string };

/**
 * Interception comes first: a certificate for an Apple host from an issuer that is not Apple's
 * (or the expected CDN's) means something in between re-signs the traffic, trusted or not.
 */
export function judgeCertificate(cert: CertificateFacts, expectedIssuers: readonly string[]): TlsJudgement {
  if (expectedIssuers.length > 0) {
    const wanted = expectedIssuers.map((name) => name.toLowerCase());
    const genuine = cert.chain.some((issuer) => wanted.some((name) => issuer.toLowerCase().includes(name)));
    if (!genuine) return { kind: 'intercepted', issuer: cert.chain.at(-1) || cert.issuer, trusted: cert.trusted };
  }
  if (cert.authorizationError === 'CERT_HAS_EXPIRED' || isPast(cert.validTo)) return { kind: 'expired', validTo: cert.validTo };
  if (cert.nameMismatch) return { kind: 'name-mismatch', message: cert.nameMismatch };
  if (!cert.trusted) return { kind: 'untrusted', error: cert.authorizationError ?? 'unknown' };
  return { kind: 'ok' };
}

function isPast(iso: string): boolean {
  const time = Date.parse(iso);
  return Number.isFinite(time) && time < Date.now();
}
