import net from 'node:net';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../app/catalog/builtin';
import { issuerSet } from '../../app/catalog/issuers';
import { leafCertificate, type KeyPair } from '../../test-support/certificates';
import { startListener, type ListenerBehaviour, type RunningListener } from '../../test-support/web-server';
import { passDeadlineWhen } from '../../test-support/deadline';
import { withDeadline } from '../platform/deadline';
import { makeCa } from '../../test-support/test-ca';
import { probeHttp } from './http';
import { probeTcp } from './tcp';
import { judgeCertificate, probeTls, type CertificateFacts, type TlsOutcome } from './tls';

const DAY = 86_400_000;
const HOST = 'albert.apple.com';
const EXPECTED = ['Sync Doctor Test CA'];

let testCa: KeyPair;
let genuine: KeyPair;
let expired: KeyPair;
let wrongName: KeyPair;
let intercepted: KeyPair;

beforeAll(async () => {
  let interceptCa: KeyPair;
  [testCa, interceptCa] = await Promise.all([
    makeCa('Sync Doctor Test Root CA', 'Sync Doctor Test CA'),
    makeCa('Contoso Web Shield Root CA', 'Contoso Security'),
  ]);
  const now = Date.now();
  [genuine, expired, wrongName, intercepted] = await Promise.all([
    leafCertificate([HOST], testCa, now - DAY, now + 365 * DAY, 'Fake Apple'),
    leafCertificate([HOST], testCa, now - 730 * DAY, now - 365 * DAY, 'Fake Apple'),
    leafCertificate(['wrong.example.net'], testCa, now - DAY, now + 365 * DAY, 'Fake Apple'),
    leafCertificate([HOST], interceptCa, now - DAY, now + 365 * DAY, 'Fake Apple'),
  ]);
});

const listeners: RunningListener[] = [];
const rawServers: net.Server[] = [];
const rawSockets = new Set<net.Socket>();
const tlsSockets: { destroy(): void }[] = [];

afterEach(async () => {
  for (const socket of tlsSockets.splice(0)) socket.destroy();
  await Promise.all(listeners.splice(0).map((listener) => listener.close()));
  for (const socket of rawSockets) socket.destroy();
  await Promise.all(rawServers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

afterAll(async () => {
  await Promise.all(listeners.splice(0).map((listener) => listener.close()));
});

async function serve(behaviour: ListenerBehaviour): Promise<number> {
  const listener = await startListener({ address: '127.0.0.1', port: 0, behaviour });
  listeners.push(listener);
  return listener.port;
}

/** A raw listener that does `onConnection` with each client socket (for faults web-server.ts lacks). */
async function serveRaw(onConnection: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer((socket) => {
    rawSockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => rawSockets.delete(socket));
    onConnection(socket);
  });
  rawServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as net.AddressInfo).port;
}

/** TCP, then TLS, as the server check does it. */
async function handshake(port: number, signal: AbortSignal, servername = HOST): Promise<TlsOutcome> {
  const tcp = await probeTcp('127.0.0.1', port, signal);
  if (tcp.kind !== 'connected') throw new Error(`TCP did not connect: ${tcp.kind}`);
  const outcome = await probeTls(tcp.socket, servername, signal);
  if (outcome.kind === 'handshake') tlsSockets.push(outcome.socket);
  return outcome;
}

function certOf(outcome: TlsOutcome): CertificateFacts {
  if (outcome.kind !== 'handshake') throw new Error(`expected a handshake, got ${JSON.stringify(outcome)}`);
  return outcome.cert;
}

describe('probeTls against a loopback TLS listener', () => {
  it('completes the handshake and describes the certificate', async () => {
    const port = await serve({ kind: 'tls', cert: genuine.cert, key: genuine.key });
    const outcome = await handshake(port, withDeadline(undefined, 5000));
    const cert = certOf(outcome);
    expect(cert.subject).toBe('albert.apple.com (Fake Apple)');
    expect(cert.issuer).toBe('Sync Doctor Test Root CA (Sync Doctor Test CA)');
    expect(cert.chain).toEqual(['Sync Doctor Test Root CA (Sync Doctor Test CA)']);
    expect(cert.nameMismatch).toBeUndefined();
    expect(Date.parse(cert.validTo)).toBeGreaterThan(Date.now());
    expect(new Date(cert.validTo).toISOString()).toBe(cert.validTo);
    // The test CA is not in the system store (no NODE_EXTRA_CA_CERTS here), so OpenSSL says why.
    expect(cert.trusted).toBe(false);
    expect(cert.authorizationError).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT/);
    expect(judgeCertificate(cert, EXPECTED)).toEqual({ kind: 'untrusted', error: cert.authorizationError });
    expect(outcome.kind === 'handshake' && outcome.socket.alpnProtocol).toBe('http/1.1');
  });

  it('walks the chain the server presents, leaf first, and stops at a self-signed root', async () => {
    const port = await serve({ kind: 'tls', cert: `${genuine.cert.trimEnd()}\n${testCa.cert}`, key: genuine.key });
    const cert = certOf(await handshake(port, withDeadline(undefined, 5000)));
    expect(cert.chain).toEqual(['Sync Doctor Test Root CA (Sync Doctor Test CA)', 'Sync Doctor Test Root CA (Sync Doctor Test CA)']);
    expect(cert.trusted).toBe(false);
    expect(cert.authorizationError).toBe('SELF_SIGNED_CERT_IN_CHAIN');
    expect(judgeCertificate(cert, EXPECTED)).toEqual({ kind: 'untrusted', error: 'SELF_SIGNED_CERT_IN_CHAIN' });
  });

  it('carries HTTP over the handshake socket, and closes it', async () => {
    const port = await serve({ kind: 'https', cert: genuine.cert, key: genuine.key, answer: { status: 404 } });
    const signal = withDeadline(undefined, 5000);
    const outcome = await handshake(port, signal);
    if (outcome.kind !== 'handshake') throw new Error(`expected a handshake, got ${outcome.kind}`);
    const http = await probeHttp(outcome.socket, { host: HOST, signal });
    expect(http).toMatchObject({ kind: 'response', status: 404, headers: { server: 'FakeApple/1.0' } });
    expect(outcome.socket.destroyed).toBe(true);
  });

  it('sees an expired certificate', async () => {
    const port = await serve({ kind: 'tls', cert: expired.cert, key: expired.key });
    const cert = certOf(await handshake(port, withDeadline(undefined, 5000)));
    expect(Date.parse(cert.validTo)).toBeLessThan(Date.now());
    expect(judgeCertificate(cert, EXPECTED)).toEqual({ kind: 'expired', validTo: cert.validTo });
  });

  it('sees a certificate for another name', async () => {
    const port = await serve({ kind: 'tls', cert: wrongName.cert, key: wrongName.key });
    const cert = certOf(await handshake(port, withDeadline(undefined, 5000)));
    expect(cert.nameMismatch).toMatch(/albert\.apple\.com/);
    expect(judgeCertificate(cert, EXPECTED)).toMatchObject({ kind: 'name-mismatch' });
  });

  it('accepts a wildcard certificate for a name under it, and not for the bare domain', async () => {
    const now = Date.now();
    const wildcard = await leafCertificate(['*.mzstatic.com'], testCa, now - DAY, now + 365 * DAY, 'Fake Apple');
    const port = await serve({ kind: 'tls', cert: wildcard.cert, key: wildcard.key });
    const covered = certOf(await handshake(port, withDeadline(undefined, 5000), 'a3.mzstatic.com'));
    expect(covered.nameMismatch).toBeUndefined();
    const bare = certOf(await handshake(port, withDeadline(undefined, 5000), 'mzstatic.com'));
    expect(bare.nameMismatch).toMatch(/mzstatic\.com/);
  });

  it('sees interception: a certificate from an issuer the host should not have', async () => {
    const port = await serve({ kind: 'tls', cert: intercepted.cert, key: intercepted.key });
    const cert = certOf(await handshake(port, withDeadline(undefined, 5000)));
    expect(cert.issuer).toBe('Contoso Web Shield Root CA (Contoso Security)');
    expect(judgeCertificate(cert, EXPECTED)).toEqual({
      kind: 'intercepted',
      issuer: 'Contoso Web Shield Root CA (Contoso Security)',
      trusted: false,
    });
    // Without an expected issuer set, any issuer is fine; then it is only untrusted.
    expect(judgeCertificate(cert, []).kind).toBe('untrusted');
  });

  it('reads the issuer names exactly: a CA calling itself "(not DigiCert)" is an interceptor', async () => {
    const lookalikeCa = await makeCa('Contoso Web Shield CA (not DigiCert)', 'DigiCert Evil');
    const now = Date.now();
    const leaf = await leafCertificate([HOST], lookalikeCa, now - DAY, now + 365 * DAY, 'Contoso Security');
    const port = await serve({ kind: 'tls', cert: leaf.cert, key: leaf.key });
    const cert = certOf(await handshake(port, withDeadline(undefined, 5000)));
    expect(cert.issuers).toEqual([{ organization: 'DigiCert Evil', commonName: 'Contoso Web Shield CA (not DigiCert)' }]);
    expect(judgeCertificate(cert, issuerSet(builtinCatalog(), 'apple') ?? [])).toMatchObject({
      kind: 'intercepted',
      issuer: 'Contoso Web Shield CA (not DigiCert) (DigiCert Evil)',
    });
    // Not even an admin's bare "DigiCert" (--expect-issuer) is found inside either name.
    expect(judgeCertificate(cert, ['DigiCert'])).toMatchObject({ kind: 'intercepted' });
  });

  it('says not-tls when the server answers with something else', async () => {
    const port = await serve({ kind: 'garbage' });
    const outcome = await handshake(port, withDeadline(undefined, 5000));
    expect(outcome).toMatchObject({ kind: 'failed', why: 'not-tls' });
  });

  it('says protocol when the server speaks only an old TLS version', async () => {
    const server = tls.createServer({ cert: genuine.cert, key: genuine.key, minVersion: 'TLSv1', maxVersion: 'TLSv1.1' });
    server.on('tlsClientError', () => undefined);
    rawServers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const outcome = await handshake((server.address() as net.AddressInfo).port, withDeadline(undefined, 5000));
    expect(outcome).toMatchObject({
      kind: 'failed',
      why: 'protocol',
      message: expect.stringMatching(/PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL/),
    });
  });

  it('waits for a server that never answers the hello, and gives up when the deadline passes', async () => {
    let helloArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (helloArrived = resolve));
    const port = await serveRaw((socket) => socket.once('data', () => helloArrived()));
    const { outcome, settledEarly } = await passDeadlineWhen(arrived, (signal) => handshake(port, signal));
    expect(settledEarly).toBe(false);
    expect(outcome).toMatchObject({ kind: 'failed', why: 'no-answer' });
  });

  it('says cancelled when the user cancels during the handshake', async () => {
    const port = await serve({ kind: 'hang' });
    const controller = new AbortController();
    const pending = handshake(port, withDeadline(controller.signal, 10_000));
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ kind: 'cancelled' });
  });

  it('says reset when the server resets the connection at the hello', async () => {
    const port = await serveRaw((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const outcome = await handshake(port, withDeadline(undefined, 5000));
    expect(outcome).toMatchObject({ kind: 'failed', why: 'reset' });
  });

  it('says reset when the server closes the connection without a word', async () => {
    const port = await serve({ kind: 'accept' });
    const outcome = await handshake(port, withDeadline(undefined, 5000));
    expect(outcome).toMatchObject({ kind: 'failed', why: 'reset' });
  });
});

const future = new Date(Date.now() + 365 * DAY).toISOString();
const past = new Date(Date.now() - DAY).toISOString();
/** The built-in catalog's issuers for Apple's hosts, as a real check gets them. */
const APPLE = issuerSet(builtinCatalog(), 'apple') ?? [];

/** A chain's issuers as the probe gives them: "CN (O)" for people, and the names themselves. */
function chainOf(...issuers: { organization: string; commonName: string }[]): Pick<CertificateFacts, 'chain' | 'issuers'> {
  return { chain: issuers.map(({ organization, commonName }) => `${commonName} (${organization})`), issuers };
}

const APPLE_CHAIN = chainOf(
  { organization: 'Apple Inc.', commonName: 'Apple Public Server RSA CA 12 - G1' },
  { organization: 'DigiCert Inc', commonName: 'DigiCert Global Root G2' },
);

function facts(overrides: Partial<CertificateFacts> = {}): CertificateFacts {
  return {
    subject: 'gs.apple.com (Apple Inc.)',
    issuer: 'Apple Public Server RSA CA 12 - G1 (Apple Inc.)',
    validFrom: 'Jan  1 00:00:00 2026 GMT',
    validTo: future,
    ...APPLE_CHAIN,
    trusted: true,
    ...overrides,
  };
}

describe('judgeCertificate', () => {
  const interceptedChain = chainOf(
    { organization: 'Contoso Security', commonName: 'gs.apple.com' },
    { organization: 'Contoso Security', commonName: 'Contoso Web Shield Root CA' },
  );
  const everythingWrong = {
    validTo: past,
    authorizationError: 'CERT_HAS_EXPIRED',
    nameMismatch: 'Hostname/IP does not match',
    trusted: false,
  };

  it('accepts a trusted, current certificate for the name from an expected issuer', () => {
    expect(judgeCertificate(facts(), APPLE)).toEqual({ kind: 'ok' });
  });

  it('puts interception before everything else', () => {
    expect(judgeCertificate(facts({ ...everythingWrong, ...interceptedChain }), APPLE)).toEqual({
      kind: 'intercepted',
      issuer: 'Contoso Web Shield Root CA (Contoso Security)',
      trusted: false,
    });
    // A trusted interceptor (its root installed by the security product) is still interception.
    expect(judgeCertificate(facts(interceptedChain), APPLE)).toMatchObject({ kind: 'intercepted', trusted: true });
  });

  it('puts expiry before a name mismatch and distrust', () => {
    expect(judgeCertificate(facts(everythingWrong), APPLE)).toEqual({ kind: 'expired', validTo: past });
    // OpenSSL's verdict alone is enough, and so is the date alone.
    expect(judgeCertificate(facts({ authorizationError: 'CERT_HAS_EXPIRED', trusted: false }), APPLE).kind).toBe('expired');
    expect(judgeCertificate(facts({ validTo: past }), APPLE).kind).toBe('expired');
  });

  it('puts a name mismatch before distrust', () => {
    expect(judgeCertificate(facts({ nameMismatch: 'Hostname/IP does not match', trusted: false }), APPLE)).toEqual({
      kind: 'name-mismatch',
      message: 'Hostname/IP does not match',
    });
  });

  it('reports distrust with OpenSSL’s reason', () => {
    expect(judgeCertificate(facts({ trusted: false, authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN' }), APPLE)).toEqual({
      kind: 'untrusted',
      error: 'SELF_SIGNED_CERT_IN_CHAIN',
    });
    expect(judgeCertificate(facts({ trusted: false }), APPLE)).toEqual({ kind: 'untrusted', error: 'unknown' });
  });

  it('finds an expected issuer anywhere in the chain, whatever its letter case and spacing', () => {
    const rootOnly = chainOf(
      { organization: 'Some Reseller', commonName: 'Some Intermediate' },
      { organization: '  DIGICERT,   INC. ', commonName: 'DigiCert TLS RSA4096 Root G5' },
    );
    expect(judgeCertificate(facts(rootOnly), APPLE)).toEqual({ kind: 'ok' });
  });

  it.each([
    ['names DigiCert inside a longer name', 'Contoso Security (not DigiCert, Inc.)', 'Contoso Web Shield CA (not DigiCert)'],
    ['starts with an expected name', 'DigiCert Evil', 'DigiCert Inc Evil Twin CA'],
    ['has only part of an expected name', 'DigiCert', 'Apple'],
    ['has an expected name as its common name’s prefix', 'Contoso', 'Apple Inc. Inspection CA'],
  ])('calls an issuer that %s interception', (_what, organization, commonName) => {
    const lookalike = chainOf({ organization, commonName });
    expect(judgeCertificate(facts(lookalike), APPLE)).toEqual({
      kind: 'intercepted',
      issuer: `${commonName} (${organization})`,
      trusted: true,
    });
  });

  it('matches a name given with --expect-issuer against the common name too, exactly', () => {
    const corporate = chainOf({ organization: 'Contoso', commonName: 'Contoso Root CA' });
    expect(judgeCertificate(facts(corporate), [...APPLE, 'contoso root ca'])).toEqual({ kind: 'ok' });
    expect(judgeCertificate(facts(corporate), [...APPLE, 'Contoso Root'])).toMatchObject({ kind: 'intercepted' });
  });

  it('does not look for interception when the entry expects no particular issuer', () => {
    expect(judgeCertificate(facts(interceptedChain), [])).toEqual({ kind: 'ok' });
  });

  it('names the leaf issuer when the chain is empty', () => {
    expect(judgeCertificate(facts({ chain: [], issuers: [], issuer: 'Mystery CA' }), APPLE)).toEqual({
      kind: 'intercepted',
      issuer: 'Mystery CA',
      trusted: true,
    });
  });

  it('does not call an unreadable end date expired', () => {
    expect(judgeCertificate(facts({ validTo: '' }), APPLE)).toEqual({ kind: 'ok' });
  });
});
