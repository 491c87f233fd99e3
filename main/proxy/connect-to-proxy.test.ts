import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDeadline } from '../platform/deadline';
import { connectToProxy, type ProxyLookups } from './tunnel';

describe('connectToProxy', () => {
  let server: net.Server;
  let port: number;
  beforeAll(async () => {
    server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("shares the run's lookup of the proxy's name, but not one check's deadline with the next", async () => {
    const lookups: ProxyLookups = new Map();
    const endpoint = { host: 'localhost', port, label: `http://localhost:${port}` };
    const late = withDeadline(undefined, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await connectToProxy(endpoint, late, lookups)).toMatchObject({ kind: 'timeout' });
    const second = await connectToProxy(endpoint, withDeadline(undefined, 3000), lookups);
    if (second.kind === 'connected') second.socket.destroy();
    expect(second).toMatchObject({ kind: 'connected' });
    expect(lookups.size).toBe(1);
  });
});
