import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startListener, type ListenerBehaviour, type RunningListener } from '../../../test-support/web-server';
import { withDeadline } from '../../platform/deadline';
import { closedPort, silentPeer, type SilentPeer } from '../../../test-support/silent-peer';
import { probeTcp } from '../../probes/tcp';
import type { Connect } from '../../proxy/connector';
import { loopbackRoutes, type Route } from '../../../test-support/loopback-routes';
import { recordingDnsCache } from '../../../test-support/recording-dns';
import {
  asServerCheck,
  dnsJudged,
  endAsDeadline,
  GENUINE_ADDRESS,
  hostsFileWith,
  nameServers,
  OTHER_ADDRESS,
  serverTarget,
  testCertificates,
  type TestCertificates,
} from '../../../test-support/server-check';
import { serverTask } from '../server-task';

// This computer resolves gs.apple.com to OTHER_ADDRESS (a hosts-file line), the name servers to
// GENUINE_ADDRESS: whatever then fails at OTHER_ADDRESS, the altered answer is the cause.

const HOSTS_LINE = `${OTHER_ADDRESS} gs.apple.com`;
const ALTERED = `This computer sends gs.apple.com to ${OTHER_ADDRESS}, but the name servers say ${GENUINE_ADDRESS}: a hosts-file entry or a DNS filter redirects it.`;

let certs: TestCertificates;
let names: Awaited<ReturnType<typeof nameServers>>;
let hostsFile: string;
beforeAll(async () => {
  [certs, names, hostsFile] = await Promise.all([
    testCertificates(),
    nameServers({ kind: 'answer', addresses: [GENUINE_ADDRESS] }),
    hostsFileWith('# a jailbreak tool left this', HOSTS_LINE),
  ]);
});
afterAll(() => names.close());

const closers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((server) => server.close()));
});

const NAMED_LINE = () => `The hosts file ${hostsFile} does it, line 3: "${HOSTS_LINE}".`;
const redirectedCache = () => recordingDnsCache([OTHER_ADDRESS], names.servers).cache;

async function serving(behaviour: ListenerBehaviour): Promise<RunningListener> {
  const listener = await startListener({ address: '127.0.0.1', port: 0, behaviour });
  closers.push(listener);
  return listener;
}

/** Checks gs.apple.com:`port`, redirected, with the redirect's address routed as given. */
async function checkRedirected(port: number, route: Route, file = hostsFile) {
  const routes = loopbackRoutes({ [`${OTHER_ADDRESS}:${port}`]: route });
  const task = serverTask(serverTarget(port), redirectedCache(), { connect: routes.connect, hostsFile: file, trust: certs.trust });
  const check = asServerCheck(await task.run(withDeadline(undefined, 5000)));
  expect(routes.tried).toEqual([`${OTHER_ADDRESS}:${port}`]);
  return check;
}

describe('a redirected answer whose check then fails there', () => {
  it('blames the redirect, not the wrong certificate met there (error 3194)', async () => {
    const other = await serving({ kind: 'https', cert: certs.wrongName.cert, key: certs.wrongName.key, answer: { status: 200 } });
    const check = await checkRedirected(443, other.port);
    expect(check).toMatchObject({
      status: 'fail',
      reason: 'dns-redirected',
      layers: { dns: 'warn', tcp: 'ok', tls: 'fail', http: 'not-run' },
      dns: { system: [OTHER_ADDRESS], direct: [GENUINE_ADDRESS] },
      tls: { subject: 'wrong.example.net (Fake Apple)' },
    });
    expect(check.detail).toBe(
      `${ALTERED} A server there answered with a certificate for wrong.example.net (Fake Apple), so it is not gs.apple.com. ${NAMED_LINE()}`,
    );
  });

  it('blames the redirect when nothing there accepts the connection', async () => {
    const check = await checkRedirected(443, await closedPort());
    expect(check).toMatchObject({ status: 'fail', reason: 'dns-redirected', layers: { dns: 'warn', tcp: 'fail', tls: 'not-run' } });
    expect(check.detail).toBe(`${ALTERED} The connection there on port 443 was refused (reset): nothing there accepts it. ${NAMED_LINE()}`);
  });

  it('blames the redirect when the connection there times out', async () => {
    const routes = loopbackRoutes({ [`${OTHER_ADDRESS}:443`]: 'dropped' });
    const controller = new AbortController();
    const cache = redirectedCache();
    const running = serverTask(serverTarget(443), cache, { connect: routes.connect, hostsFile }).run(controller.signal);
    await dnsJudged(cache);
    endAsDeadline(controller);
    const check = asServerCheck(await running);
    expect(check).toMatchObject({ status: 'fail', reason: 'dns-redirected', layers: { dns: 'warn', tcp: 'fail', tls: 'not-run' } });
    expect(check.detail).toBe(`${ALTERED} Nothing answered there on port 443: the connection attempt timed out. ${NAMED_LINE()}`);
  });

  it('blames the redirect when what answers there blocks the request', async () => {
    const other = await serving({
      kind: 'http',
      answer: { status: 403, headers: { Server: 'squid/5.7', 'X-Squid-Error': 'ERR_ACCESS_DENIED 0' } },
    });
    const check = await checkRedirected(80, other.port);
    expect(check).toMatchObject({
      status: 'fail',
      reason: 'dns-redirected',
      layers: { dns: 'warn', tcp: 'ok', tls: 'not-applicable', http: 'fail' },
      http: { status: 403 },
    });
    expect(check.detail).toBe(`${ALTERED} The server there (squid/5.7) refused the request (HTTP 403). ${NAMED_LINE()}`);
  });

  it("keeps a server error's warning, and blames the redirect for it", async () => {
    const other = await serving({ kind: 'http', answer: { status: 503 } });
    const check = await checkRedirected(80, other.port);
    expect(check).toMatchObject({ status: 'warn', reason: 'dns-redirected', layers: { dns: 'warn', http: 'warn' } });
    expect(check.detail).toBe(`${ALTERED} The server there answered with a server error (HTTP 503). ${NAMED_LINE()}`);
  });

  it('blames the redirect when the deadline passes during the handshake there, whoever reports it', async () => {
    const peer: SilentPeer = await silentPeer();
    closers.push(peer);
    const routes = loopbackRoutes({ [`${OTHER_ADDRESS}:443`]: peer.port });
    const controller = new AbortController();
    const task = serverTask(serverTarget(443), redirectedCache(), { connect: routes.connect, hostsFile });
    const running = task.run(controller.signal);
    await peer.heard;
    const stepIn = asServerCheck(task.interrupted('deadline'));
    expect(stepIn).toMatchObject({
      status: 'fail',
      reason: 'dns-redirected',
      layers: { dns: 'warn', tcp: 'ok', tls: 'fail', http: 'not-run' },
    });
    expect(stepIn.detail).toBe(
      `${ALTERED} Something there accepted the connection, but the secure handshake (TLS) did not finish before the deadline. ${NAMED_LINE()}`,
    );
    endAsDeadline(controller);
    const own = asServerCheck(await running);
    expect(own).toMatchObject({ status: 'fail', reason: 'dns-redirected', layers: { tls: 'fail' } });
    expect(own.detail).toMatch(/never completed the secure handshake/);
  });

  it('says only what the resolvers disagree on when no hosts-file line explains it (a DNS filter)', async () => {
    const check = await checkRedirected(443, await closedPort(), await hostsFileWith());
    expect(check.reason).toBe('dns-redirected');
    expect(check.detail).toBe(`${ALTERED} The connection there on port 443 was refused (reset): nothing there accepts it.`);
  });
});

describe('a redirected answer whose check succeeds', () => {
  it('warns that the answer was altered, and names the line', async () => {
    const other = await serving({ kind: 'http', answer: { status: 200 } });
    const check = await checkRedirected(80, other.port);
    expect(check).toMatchObject({
      status: 'warn',
      reason: 'dns-redirected',
      layers: { dns: 'warn', tcp: 'ok', tls: 'not-applicable', http: 'ok' },
    });
    expect(check.detail).toBe(
      `Reachable: gs.apple.com answered (HTTP 200). But this computer resolves gs.apple.com to ${OTHER_ADDRESS} while the name servers say ${GENUINE_ADDRESS}: a hosts-file entry or a DNS filter changes it. ${NAMED_LINE()}`,
    );
  });
});

describe('a redirected answer when a proxy carries the connection', () => {
  it('reports what failed itself: the proxy resolved the name, so the local answer explains nothing', async () => {
    const other = await serving({ kind: 'https', cert: certs.wrongName.cert, key: certs.wrongName.key, answer: { status: 200 } });
    const viaProxy: Connect = async (_addresses, _port, signal) => ({
      ...(await probeTcp('127.0.0.1', other.port, signal)),
      via: 'http://proxy.corp.example:3128',
    });
    const task = serverTask(serverTarget(443), redirectedCache(), { connect: viaProxy, hostsFile, trust: certs.trust });
    const check = asServerCheck(await task.run(withDeadline(undefined, 5000)));
    expect(check).toMatchObject({
      status: 'fail',
      reason: 'tls-name-mismatch',
      via: 'http://proxy.corp.example:3128',
      layers: { dns: 'warn', tls: 'fail' },
    });
  });
});
