import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { holdBackWrites } from './held-back';

const servers: net.Server[] = [];
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('holdBackWrites', () => {
  it('passes what the client sends at once, and delivers what the server writes only at the release time', async () => {
    const delayMs = 120;
    const seen: { server: string[]; at: number } = { server: [], at: 0 };
    const server = net.createServer({ pauseOnConnect: true }, (raw) => {
      const held = holdBackWrites(raw, performance.now() + delayMs, (ms, fn) => setTimeout(fn, ms));
      held.on('data', (chunk: Buffer) => {
        seen.server.push(chunk.toString());
        held.write('pong');
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    sockets.push(client);
    const start = performance.now();
    client.write('ping');
    const answer = await new Promise<string>((resolve) => client.once('data', (chunk: Buffer) => resolve(chunk.toString())));
    const elapsed = performance.now() - start;
    expect(seen.server).toEqual(['ping']);
    expect(answer).toBe('pong');
    expect(elapsed).toBeGreaterThanOrEqual(delayMs - 5);
    expect(elapsed).toBeLessThan(delayMs * 5);
  });
});
