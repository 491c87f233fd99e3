import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { rawPeer, sendEndlessContinue, type RawPeer } from '../../test-support/raw-peer';
import type { ProxyEndpoint } from './endpoint';
import { openTunnel } from './tunnel';

// Proxies that misbehave in ways tinyproxy (tested in e2e/system) never does, as loopback peers.
const peers: RawPeer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((peer) => peer.close()));
});

async function fakeProxy(onRequest: (socket: net.Socket, request: string) => void): Promise<ProxyEndpoint> {
  const peer = await rawPeer(onRequest);
  peers.push(peer);
  return { host: '127.0.0.1', port: peer.port, label: `http://127.0.0.1:${peer.port}` };
}

const signal = () => AbortSignal.timeout(5000);

describe('openTunnel', () => {
  it('hands back the socket, with bytes that came with the 200 still readable', async () => {
    let seen = '';
    const proxy = await fakeProxy((socket, request) => {
      seen = request;
      socket.write('HTTP/1.1 200 Connection established\r\nProxy-Agent: test\r\n\r\nHELLO');
    });
    const tunnel = await openTunnel({ ...proxy, auth: { user: 'u', password: 'p' } }, 'gs.apple.com', 443, signal());
    if (tunnel.kind !== 'connected') throw new Error(tunnel.kind);
    expect(seen).toMatch(/^CONNECT gs\.apple\.com:443 HTTP\/1\.1\r\nHost: gs\.apple\.com:443\r\n/);
    expect(seen).toContain(`Proxy-Authorization: Basic ${Buffer.from('u:p').toString('base64')}`);
    const first = new Promise<string>((resolve) => tunnel.socket.once('data', (chunk: Buffer) => resolve(chunk.toString())));
    // The tunnel comes back paused so nothing is lost before its new owner listens.
    tunnel.socket.resume();
    expect(await first).toBe('HELLO');
    tunnel.socket.destroy();
  });

  it('brackets an IPv6 target', async () => {
    let seen = '';
    const proxy = await fakeProxy((socket, request) => {
      seen = request;
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    expect(await openTunnel(proxy, '2001:db8::1', 443, signal())).toMatchObject({ kind: 'proxy-answered', status: 403 });
    expect(seen.startsWith('CONNECT [2001:db8::1]:443 HTTP/1.1')).toBe(true);
  });

  it('reports the proxy asking for a password with its headers', async () => {
    const proxy = await fakeProxy((socket) =>
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n'),
    );
    expect(await openTunnel(proxy, 'gs.apple.com', 443, signal())).toMatchObject({
      kind: 'proxy-answered',
      status: 407,
      headers: { 'proxy-authenticate': 'Basic realm="corp"' },
    });
  });

  it('reports something that is not HTTP, a silent close and an endless header', async () => {
    const garbage = await fakeProxy((socket) => socket.end('SSH-2.0-OpenSSH_9.2\r\n\r\n'));
    expect(await openTunnel(garbage, 'gs.apple.com', 443, signal())).toMatchObject({
      kind: 'proxy-garbage',
      message: expect.stringContaining('not HTTP'),
    });
    const closer = await fakeProxy((socket) => socket.end());
    expect(await openTunnel(closer, 'gs.apple.com', 443, signal())).toMatchObject({ kind: 'proxy-garbage' });
    const endless = await fakeProxy((socket) => socket.write(`HTTP/1.1 200 OK\r\nX: ${'a'.repeat(20_000)}`));
    expect(await openTunnel(endless, 'gs.apple.com', 443, signal())).toMatchObject({
      kind: 'proxy-garbage',
      message: expect.stringContaining('endless'),
    });
  });

  it('cuts off a proxy that answers with "100 Continue" for ever, long before the deadline', async () => {
    const flooding = await fakeProxy((socket) => void sendEndlessContinue(socket));
    expect(await openTunnel(flooding, 'gs.apple.com', 443, signal())).toMatchObject({
      kind: 'proxy-garbage',
      message: 'the proxy sent an endless header',
    });
  });

  it('gives up at the deadline when the proxy never answers, and on cancel', async () => {
    const silent = await fakeProxy(() => undefined);
    expect(await openTunnel(silent, 'gs.apple.com', 443, AbortSignal.timeout(200))).toMatchObject({ kind: 'timeout' });
    const controller = new AbortController();
    const pending = openTunnel(silent, 'gs.apple.com', 443, controller.signal);
    setImmediate(() => controller.abort());
    expect(await pending).toMatchObject({ kind: 'cancelled' });
  });

  it('says the proxy itself is unreachable when nothing listens there', async () => {
    const proxy = await fakeProxy(() => undefined);
    await peers.pop()!.close();
    expect(await openTunnel(proxy, 'gs.apple.com', 443, signal())).toMatchObject({ kind: 'proxy-unreachable', tcp: 'refused' });
  });
});
