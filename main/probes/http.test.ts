import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startListener, type ListenerBehaviour, type RunningListener } from '../../test-support/web-server';
import { passDeadlineWhen } from '../../test-support/deadline';
import { withDeadline } from '../platform/deadline';
import { rawPeer, sendEndlessContinue, type RawPeer } from '../../test-support/raw-peer';
import { judgeHttp, probeHttp, type HttpOutcome, type HttpProbeOptions } from './http';

const listeners: RunningListener[] = [];
const rawPeers: RawPeer[] = [];
const clients: net.Socket[] = [];

afterEach(async () => {
  for (const socket of clients.splice(0)) socket.destroy();
  await Promise.all(listeners.splice(0).map((listener) => listener.close()));
  await Promise.all(rawPeers.splice(0).map((peer) => peer.close()));
});

async function serve(behaviour: ListenerBehaviour): Promise<number> {
  const listener = await startListener({ address: '127.0.0.1', port: 0, behaviour });
  listeners.push(listener);
  return listener.port;
}

/** A listener that records the request head and answers with `reply` (raw bytes). */
async function serveRaw(reply: string): Promise<{ port: number; requests: string[] }> {
  const requests: string[] = [];
  const peer = await rawPeer((socket, head) => {
    requests.push(head);
    socket.end(reply);
  });
  rawPeers.push(peer);
  return { port: peer.port, requests };
}

async function connect(port: number): Promise<net.Socket> {
  const socket = net.connect({ host: '127.0.0.1', port });
  clients.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return socket;
}

async function get(port: number, options: Partial<HttpProbeOptions> = {}): Promise<{ outcome: HttpOutcome; socket: net.Socket }> {
  const socket = await connect(port);
  const outcome = await probeHttp(socket, { host: 'gs.apple.com', signal: withDeadline(undefined, 5000), ...options });
  return { outcome, socket };
}

describe('probeHttp over a plain TCP connection', () => {
  it('reads the status and the headers, then closes the connection', async () => {
    const port = await serve({ kind: 'http', answer: { status: 404, headers: { 'X-Apple-Request-Id': 'abc' } } });
    const { outcome, socket } = await get(port);
    expect(outcome).toMatchObject({
      kind: 'response',
      status: 404,
      headers: { server: 'FakeApple/1.0', 'content-type': 'text/plain', 'x-apple-request-id': 'abc' },
    });
    expect(socket.destroyed).toBe(true);
  });

  it('keeps a redirect’s location for the judge', async () => {
    const port = await serve({ kind: 'http', answer: { status: 302, headers: { Location: 'http://login.portal.example/?u=1' } } });
    const { outcome } = await get(port);
    if (outcome.kind !== 'response') throw new Error(`expected a response, got ${outcome.kind}`);
    expect(judgeHttp(outcome.status, outcome.headers, 'gs.apple.com')).toEqual({
      kind: 'blocked',
      status: 302,
      by: 'login.portal.example',
      why: 'portal-redirect',
    });
  });

  it('sends a small GET with the host, its own user agent and Connection: close', async () => {
    const { port, requests } = await serveRaw('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    const { outcome } = await get(port, { path: '/bag', headers: { 'Proxy-Authorization': 'Basic dTpw' } });
    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(requests).toHaveLength(1);
    const head = requests[0]!;
    expect(head).toMatch(/^GET \/bag HTTP\/1\.1\r\n/);
    expect(head).toMatch(/\r\nHost: gs\.apple\.com\r\n/i);
    expect(head).toMatch(/\r\nUser-Agent: SyncDoctor\/1/i);
    expect(head).toMatch(/\r\nConnection: close\r\n/i);
    expect(head).toMatch(/\r\nProxy-Authorization: Basic dTpw\r\n/i);
  });

  it('asks a plain-HTTP proxy with the absolute URL', async () => {
    const { port, requests } = await serveRaw('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
    await get(port, { path: '/', absoluteTarget: true });
    expect(requests[0]).toMatch(/^GET http:\/\/gs\.apple\.com\/ HTTP\/1\.1\r\n/);
  });

  it('joins a repeated header into one value', async () => {
    const { port } = await serveRaw('HTTP/1.1 200 OK\r\nVia: 1.1 a\r\nVia: 1.1 squid\r\nContent-Length: 0\r\n\r\n');
    const { outcome } = await get(port);
    expect(outcome).toMatchObject({ kind: 'response', headers: { via: '1.1 a, 1.1 squid' } });
  });

  it('says garbage when the answer is not HTTP', async () => {
    const port = await serve({ kind: 'garbage' });
    const { outcome, socket } = await get(port);
    expect(outcome).toMatchObject({ kind: 'failed', why: 'garbage' });
    expect(socket.destroyed).toBe(true);
  });

  it('says garbage, long before the deadline, when the server answers "100 Continue" for ever', async () => {
    const peer = await rawPeer((socket) => void sendEndlessContinue(socket));
    rawPeers.push(peer);
    const { outcome, socket } = await get(peer.port);
    expect(outcome).toMatchObject({ kind: 'failed', why: 'garbage' });
    expect(socket.destroyed).toBe(true);
  });

  it('says closed when the server hangs up without an answer', async () => {
    const port = await serve({ kind: 'accept' });
    const { outcome } = await get(port);
    expect(outcome).toMatchObject({ kind: 'failed', why: 'closed' });
  });

  it('waits for a server that never answers, and gives up when the deadline passes', async () => {
    let requestArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (requestArrived = resolve));
    // Reads the request and says nothing.
    const peer = await rawPeer(() => requestArrived());
    rawPeers.push(peer);
    const socket = await connect(peer.port);
    const { outcome, settledEarly } = await passDeadlineWhen(arrived, (signal) => probeHttp(socket, { host: 'gs.apple.com', signal }));
    expect(settledEarly).toBe(false);
    expect(outcome).toMatchObject({ kind: 'failed', why: 'no-answer' });
    expect(socket.destroyed).toBe(true);
  });

  it('says cancelled when the user cancels while waiting', async () => {
    const port = await serve({ kind: 'hang' });
    const controller = new AbortController();
    const socket = await connect(port);
    const pending = probeHttp(socket, { host: 'gs.apple.com', signal: withDeadline(controller.signal, 10_000) });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ kind: 'cancelled' });
    expect(socket.destroyed).toBe(true);
  });

  it('says cancelled for a signal aborted before it started', async () => {
    const port = await serve({ kind: 'hang' });
    const socket = await connect(port);
    expect(await probeHttp(socket, { host: 'gs.apple.com', signal: AbortSignal.abort() })).toMatchObject({ kind: 'cancelled' });
  });
});

describe('judgeHttp', () => {
  it('calls a 407 a proxy asking for a password, naming the proxy', () => {
    expect(judgeHttp(407, { 'proxy-authenticate': 'Basic realm="corp"', server: 'tinyproxy/1.11.1' }, 'gs.apple.com')).toEqual({
      kind: 'blocked',
      status: 407,
      by: 'tinyproxy/1.11.1',
      why: 'proxy-auth',
    });
    expect(judgeHttp(407, {}, 'gs.apple.com')).toMatchObject({ kind: 'blocked', by: 'a proxy', why: 'proxy-auth' });
  });

  it('calls a proxy’s own 401 (a wrong password) blocked, and a server’s 401 an answer', () => {
    expect(judgeHttp(401, { server: 'tinyproxy/1.11.1' }, 'gs.apple.com')).toEqual({
      kind: 'blocked',
      status: 401,
      by: 'tinyproxy/1.11.1',
      why: 'proxy-auth',
    });
    expect(judgeHttp(401, { server: 'Apple', 'www-authenticate': 'Basic realm="x"' }, 'gs.apple.com')).toEqual({ kind: 'ok', status: 401 });
  });

  it('calls a 407 blocked even when the entry lists it as reachable', () => {
    expect(judgeHttp(407, {}, 'gs.apple.com', [407]).kind).toBe('blocked');
  });

  it('calls a 403 with a Squid signature blocked, a plain 403 reachable', () => {
    expect(judgeHttp(403, { server: 'squid/5.7', 'x-squid-error': 'ERR_ACCESS_DENIED 0' }, 'gs.apple.com')).toEqual({
      kind: 'blocked',
      status: 403,
      by: 'squid/5.7',
      why: 'proxy-denied',
    });
    expect(judgeHttp(403, { 'x-squid-error': 'ERR_ACCESS_DENIED 0' }, 'gs.apple.com')).toMatchObject({
      kind: 'blocked',
      by: 'Squid proxy',
    });
    expect(judgeHttp(403, { via: '1.1 proxy.corp (squid/6.1)' }, 'gs.apple.com')).toMatchObject({ kind: 'blocked' });
    expect(judgeHttp(403, { server: 'Apple' }, 'gs.apple.com')).toEqual({ kind: 'ok', status: 403 });
  });

  it('calls 451 and 511 blocked whoever sends them', () => {
    expect(judgeHttp(451, {}, 'itunes.apple.com')).toEqual({ kind: 'blocked', status: 451, by: 'a filter', why: 'proxy-denied' });
    expect(judgeHttp(511, { server: 'nginx' }, 'itunes.apple.com')).toEqual({
      kind: 'blocked',
      status: 511,
      by: 'nginx',
      why: 'proxy-denied',
    });
  });

  it('calls a redirect to another site a portal, and Apple’s own redirects fine', () => {
    expect(judgeHttp(302, { location: 'https://wifi.hotel.example/login' }, 'captive.apple.com')).toEqual({
      kind: 'blocked',
      status: 302,
      by: 'wifi.hotel.example',
      why: 'portal-redirect',
    });
    expect(judgeHttp(301, { location: 'https://gs.apple.com/' }, 'gs.apple.com')).toEqual({ kind: 'ok', status: 301 });
    expect(judgeHttp(301, { location: 'https://www.apple.com/' }, 'itunes.apple.com')).toEqual({ kind: 'ok', status: 301 });
    expect(judgeHttp(302, { location: '/en-us/' }, 'itunes.apple.com')).toEqual({ kind: 'ok', status: 302 });
    // Apple's other domains do not vouch for each other's redirects.
    expect(judgeHttp(302, { location: 'https://a1.mzstatic.com/' }, 'itunes.apple.com').kind).toBe('blocked');
    // A look-alike is not Apple.
    expect(judgeHttp(302, { location: 'https://apple.com.evil.example/' }, 'itunes.apple.com').kind).toBe('blocked');
    expect(judgeHttp(302, { location: 'https://notapple.com/' }, 'itunes.apple.com').kind).toBe('blocked');
  });

  it('takes a redirect without a location as an answer', () => {
    expect(judgeHttp(302, {}, 'gs.apple.com')).toEqual({ kind: 'ok', status: 302 });
  });

  it('takes the statuses an entry lists as reachable', () => {
    expect(judgeHttp(404, {}, 'gs.apple.com', [404])).toEqual({ kind: 'ok', status: 404 });
    expect(judgeHttp(503, {}, 'gs.apple.com', [503])).toEqual({ kind: 'ok', status: 503 });
    expect(judgeHttp(503, {}, 'gs.apple.com')).toEqual({ kind: 'server-error', status: 503 });
  });

  it('calls a 5xx a server error, or a proxy’s refusal when a proxy sent it', () => {
    expect(judgeHttp(500, { server: 'Apple' }, 'mesu.apple.com')).toEqual({ kind: 'server-error', status: 500 });
    expect(judgeHttp(502, { server: 'Zscaler/6.2' }, 'mesu.apple.com')).toEqual({
      kind: 'blocked',
      status: 502,
      by: 'Zscaler/6.2',
      why: 'proxy-denied',
    });
  });

  it('calls an ordinary answer fine', () => {
    expect(judgeHttp(200, { server: 'Apple' }, 'albert.apple.com')).toEqual({ kind: 'ok', status: 200 });
    expect(judgeHttp(404, { server: 'Apple' }, 'albert.apple.com')).toEqual({ kind: 'ok', status: 404 });
  });
});
