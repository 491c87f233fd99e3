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

/** "http/1.1" in ALPN's wire form, built once rather than converted for every connection. */
const ALPN_HTTP1 = Buffer.from('\x08http/1.1', 'latin1');

// One context for every handshake: building one loads the whole trust store, which costs more
// than the handshake itself when thirty hosts are checked at once.
let sharedContext: tls.SecureContext | undefined;

/** Also called when a run is planned, so the trust store is loaded while DNS answers are awaited. */
export function sharedSecureContext(): tls.SecureContext {
  sharedContext ??= tls.createSecureContext();
  return sharedContext;
}

/**
 * Runs a TLS handshake over an open TCP socket. The handshake never rejects on trust: the
 * certificate is collected and judged afterwards, so we can say what was wrong with it.
 * Ownership: the raw socket belongs to the TLS socket from here on; on failure both are gone.
 */
export function probeTls(raw: net.Socket, servername: string, signal: AbortSignal): Promise<TlsOutcome> {
  const start = performance.now();
  return new Promise((resolve) => {
    let verified: { cert: tls.DetailedPeerCertificate; identityError: Error | undefined } | undefined;
    // Destroy the TLS socket, never the raw one under it first (Node 20 can crash on that).
    const socket = tls.connect({
      socket: raw,
      servername,
      rejectUnauthorized: false,
      secureContext: sharedSecureContext(),
      ALPNProtocols: ALPN_HTTP1,
      // Called by Node only for a chain that verified; the name is judged with the rest later.
      checkServerIdentity: (host, cert) => {
        // Node passes the detailed certificate here (getPeerCertificate(true)); its type says less.
        verified = { cert: cert as tls.DetailedPeerCertificate, identityError: tls.checkServerIdentity(host, cert) };
        return undefined;
      },
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
      finish({ kind: 'handshake', socket, cert: describeCertificate(socket, servername, verified), ms: elapsedSince(start) });
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

/**
 * Facts about the presented certificate. For a chain that verified, Node has already built the
 * detailed certificate to check the host name and handed it to `checkServerIdentity`; reusing
 * that object spares a second parse per handshake, which adds up when thirty finish at once.
 */
function describeCertificate(
  socket: tls.TLSSocket,
  servername: string,
  verified: { cert: tls.DetailedPeerCertificate; identityError: Error | undefined } | undefined,
): CertificateFacts {
  const authorizationError = socket.authorizationError ? String(socket.authorizationError) : undefined;
  const leaf = verified?.cert ?? socket.getPeerCertificate(true);
  if (!leaf || Object.keys(leaf).length === 0) {
    return {
      subject: '',
      issuer: '',
      validFrom: '',
      validTo: '',
      chain: [],
      trusted: false,
      authorizationError: authorizationError ?? 'NO_CERTIFICATE',
    };
  }
  const identityError = verified ? verified.identityError : tls.checkServerIdentity(servername, leaf);
  const validTo = Date.parse(leaf.valid_to);
  return {
    subject: nameOfFields(leaf.subject),
    issuer: nameOfFields(leaf.issuer),
    validFrom: leaf.valid_from,
    validTo: Number.isFinite(validTo) ? new Date(validTo).toISOString() : leaf.valid_to,
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
    if (seen.has(current.fingerprint256)) break;
    seen.add(current.fingerprint256);
    names.push(nameOfFields(current.issuer));
    const next: tls.DetailedPeerCertificate | undefined = current.issuerCertificate;
    if (!next || next === current) break;
    current = next;
  }
  return names;
}

function nameOfFields(name: tls.Certificate | undefined): string {
  if (!name) return '';
  const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : value);
  return nameOf([name.O && `O=${text(name.O)}`, name.CN && `CN=${text(name.CN)}`].filter(Boolean).join('\n'));
}

/** "C=US\nO=Apple Inc.\nCN=Apple Public Server RSA CA 12 - G1" → "Apple Public Server RSA CA 12 - G1 (Apple Inc.)". */
export function nameOf(distinguishedName: string): string {
  const fields = new Map<string, string>();
  for (const line of distinguishedName.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0 && !fields.has(line.slice(0, at))) fields.set(line.slice(0, at), line.slice(at + 1));
  }
  const org = fields.get('O');
  const cn = fields.get('CN');
  if (org && cn && !cn.includes(org)) return `${cn} (${org})`;
  return cn || org || distinguishedName.replace(/\n/g, ', ');
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
