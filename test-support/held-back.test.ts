import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { holdBackWrites } from './held-back';

const servers: net.Server[] = [];
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Turns of the event loop, time enough for bytes already written on loopback to arrive. */
async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('holdBackWrites', () => {
  it('passes what the client sends at once, and delivers what the server writes only at the release time', async () => {
    const delayMs = 120;
    const order: string[] = [];
    const seen: { server: string[] } = { server: [] };
    // Stands in for setTimeout: records the wait asked for and holds the write until the test releases it.
    let recordLater: (wait: { ms: number; release: () => void }) => void = () => undefined;
    const later = new Promise<{ ms: number; release: () => void }>((resolve) => (recordLater = resolve));
    const server = net.createServer({ pauseOnConnect: true }, (raw) => {
      const held = holdBackWrites(raw, performance.now() + delayMs, (ms, fn) => {
        order.push('server write held');
        recordLater({ ms, release: fn });
      });
      held.on('data', (chunk: Buffer) => {
        order.push('server saw the request');
        seen.server.push(chunk.toString());
        held.write('pong');
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    sockets.push(client);
    const answer = new Promise<string>((resolve) =>
      client.once('data', (chunk: Buffer) => {
        order.push('client got the reply');
        resolve(chunk.toString());
      }),
    );
    client.write('ping');
    const { ms, release } = await later;
    expect(seen.server).toEqual(['ping']);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThanOrEqual(delayMs);
    await settle();
    expect(order).toEqual(['server saw the request', 'server write held']);
    order.push('released');
    release();
    expect(await answer).toBe('pong');
    expect(order).toEqual(['server saw the request', 'server write held', 'released', 'client got the reply']);
  });
});
