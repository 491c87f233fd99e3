import type net from 'node:net';
import type { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import { isExpectedIssuer, type IssuerName } from '../../app/catalog/issuers';
import { elapsedSince, isDeadline } from '../platform/deadline';

export interface CertificateFacts {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** Issuer of each certificate in the chain, leaf first, for people ("CN (O)"). */
  chain: string[];
  /** The same issuers as their organisation and common name, which expected issuers are matched against. */
  issuers: IssuerName[];
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
 * `trust` is the store the chain is verified against (default: the system's).
 * Ownership: the raw socket belongs to the TLS socket from here on; on failure both are gone.
 */
export function probeTls(
  raw: net.Socket,
  servername: string,
  signal: AbortSignal,
  trust: tls.SecureContext = sharedSecureContext(),
): Promise<TlsOutcome> {
  const start = performance.now();
  return new Promise((resolve) => {
    // Destroy the TLS socket, never the raw one under it first (Node 20 can crash on that).
    const socket = tls.connect({
      socket: raw,
      servername,
      rejectUnauthorized: false,
      secureContext: trust,
      ALPNProtocols: ALPN_HTTP1,
    });
    skipNodesOwnNameCheck(socket);
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

/**
 * For a chain that verifies, Node checks the host name itself, on the full legacy certificate
 * object (getPeerCertificate(true): every field, three fingerprints and the public key of each
 * certificate in the chain, with OpenSSL 3 decoding each key again). That is the largest single
 * cost of a handshake when thirty finish at once, and the probe judges the name itself anyway
 * (describeCertificate). Node skips its check for a resumed session, so this socket says its
 * session is resumed; nothing else asks, and the probe never resumes sessions.
 */
function skipNodesOwnNameCheck(socket: tls.TLSSocket): void {
  socket.isSessionReused = () => true;
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

/** Facts about the presented certificate, read from OpenSSL's own object as they are needed. */
function describeCertificate(socket: tls.TLSSocket, servername: string): CertificateFacts {
  const authorizationError = socket.authorizationError ? String(socket.authorizationError) : undefined;
  const leaf = socket.getPeerX509Certificate();
  if (!leaf) {
    return {
      subject: '',
      issuer: '',
      validFrom: '',
      validTo: '',
      chain: [],
      issuers: [],
      trusted: false,
      authorizationError: authorizationError ?? 'NO_CERTIFICATE',
    };
  }
  const identityError = nameError(leaf, servername);
  const validTo = Date.parse(leaf.validTo);
  const issuers = issuerChain(leaf);
  return {
    subject: nameOf(leaf.subject),
    issuer: nameOf(leaf.issuer),
    validFrom: leaf.validFrom,
    validTo: Number.isFinite(validTo) ? new Date(validTo).toISOString() : leaf.validTo,
    chain: issuers.map(nameOf),
    issuers: issuers.map(issuerNameOf),
    trusted: socket.authorized,
    ...(authorizationError ? { authorizationError } : {}),
    ...(identityError ? { nameMismatch: identityError.message } : {}),
  };
}

/** Node's own wording for a name the certificate does not cover, from the fields it reads. */
function nameError(leaf: X509Certificate, servername: string): Error | undefined {
  const commonName = /^CN=(.*)$/m.exec(leaf.subject)?.[1];
  return tls.checkServerIdentity(servername, {
    subject: commonName === undefined ? {} : { CN: commonName },
    ...(leaf.subjectAltName ? { subjectaltname: leaf.subjectAltName } : {}),
  } as tls.PeerCertificate);
}

/** The issuer's distinguished name of each certificate in the chain, leaf first. */
function issuerChain(leaf: X509Certificate): string[] {
  const names: string[] = [];
  let current: X509Certificate | undefined = leaf;
  // Bounded: a chain longer than 10 is not one we need to describe.
  for (let depth = 0; current && depth < 10; depth += 1) {
    names.push(current.issuer);
    const next: X509Certificate | undefined = current.issuerCertificate;
    if (!next || next.subject === current.subject) break;
    current = next;
  }
  return names;
}

/** "C=US\nO=Apple Inc.\nCN=Apple Public Server RSA CA 12 - G1" → "Apple Public Server RSA CA 12 - G1 (Apple Inc.)". */
function nameOf(distinguishedName: string): string {
  const { organization: org, commonName: cn } = issuerNameOf(distinguishedName);
  if (org && cn && !cn.includes(org)) return `${cn} (${org})`;
  return cn || org || distinguishedName.replace(/\n/g, ', ');
}

/** The first O and CN of a distinguished name as Node prints it (one "KEY=value" a line). */
function issuerNameOf(distinguishedName: string): IssuerName {
  const fields = new Map<string, string>();
  for (const line of distinguishedName.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0 && !fields.has(line.slice(0, at))) fields.set(line.slice(0, at), line.slice(at + 1));
  }
  const organization = fields.get('O');
  const commonName = fields.get('CN');
  return { ...(organization ? { organization } : {}), ...(commonName ? { commonName } : {}) };
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
 * An issuer anywhere in the chain counts when its O or CN is exactly an expected name (isExpectedIssuer).
 */
export function judgeCertificate(cert: CertificateFacts, expectedIssuers: readonly string[]): TlsJudgement {
  if (expectedIssuers.length > 0) {
    const genuine = cert.issuers.some((issuer) => isExpectedIssuer(expectedIssuers, issuer));
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
