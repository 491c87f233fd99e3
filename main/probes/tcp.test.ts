import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { withDeadline } from '../platform/deadline';
import { connectAny, orderAddresses, probeTcp, type TcpOutcome } from './tcp';

const servers: net.Server[] = [];
const accepted = new Set<net.Socket>();
const opened: net.Socket[] = [];

/** A loopback listener on a free port; it is closed after each test. */
async function listen(): Promise<number> {
  const server = net.createServer((socket) => {
    accepted.add(socket);
    socket.on('close', () => accepted.delete(socket));
    socket.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as net.AddressInfo).port;
}

/** A port that was free a moment ago: nothing listens there, so the kernel refuses at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Keeps a connected socket to destroy after the test (the caller owns it). */
function own(outcome: TcpOutcome): TcpOutcome {
  if (outcome.kind === 'connected') opened.push(outcome.socket);
  return outcome;
}

afterEach(async () => {
  for (const socket of opened.splice(0)) socket.destroy();
  for (const socket of accepted) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

describe('probeTcp', () => {
  it('connects to a listener and hands over an open socket', async () => {
    const port = await listen();
    const outcome = own(await probeTcp('127.0.0.1', port, withDeadline(undefined, 3000)));
    expect(outcome).toMatchObject({ kind: 'connected', address: '127.0.0.1' });
    if (outcome.kind !== 'connected') return;
    expect(outcome.socket.destroyed).toBe(false);
    expect(outcome.socket.remotePort).toBe(port);
    expect(outcome.ms).toBeGreaterThanOrEqual(0);
  });

  it('reports a refusal from a port nothing listens on', async () => {
    const port = await closedPort();
    const outcome = own(await probeTcp('127.0.0.1', port, withDeadline(undefined, 3000)));
    expect(outcome).toMatchObject({ kind: 'refused', address: '127.0.0.1' });
  });

  it('says cancelled, not timeout, for a signal the user aborted', async () => {
    const port = await listen();
    const outcome = own(await probeTcp('127.0.0.1', port, AbortSignal.abort()));
    expect(outcome).toMatchObject({ kind: 'cancelled', address: '127.0.0.1' });
    expect(accepted.size).toBe(0);
  });

  it('says timeout for a deadline that has already passed', async () => {
    const port = await listen();
    const signal = AbortSignal.timeout(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(signal.aborted).toBe(true);
    const outcome = own(await probeTcp('127.0.0.1', port, signal));
    expect(outcome.kind).toBe('timeout');
  });

  it('reports an address the local stack will not connect to as unreachable, with its code', async () => {
    // The kernel refuses TCP to a multicast address itself (ENETUNREACH): no packet is sent.
    const outcome = own(await probeTcp('224.0.0.1', 443, withDeadline(undefined, 3000)));
    expect(outcome).toMatchObject({ kind: 'unreachable', address: '224.0.0.1', code: 'ENETUNREACH' });
  });
});

describe('orderAddresses', () => {
  it('puts IPv4 first, keeps the order within a family and drops duplicates', () => {
    expect(orderAddresses(['2620:149:a44::10', '17.253.144.10', '2620:149:a44::11', '17.253.144.11', '17.253.144.10'])).toEqual([
      '17.253.144.10',
      '17.253.144.11',
      '2620:149:a44::10',
      '2620:149:a44::11',
    ]);
  });

  it('handles one family or none', () => {
    expect(orderAddresses([])).toEqual([]);
    expect(orderAddresses(['::1', '::1'])).toEqual(['::1']);
  });
});

describe('connectAny', () => {
  it('moves past a refused address to one that works', async () => {
    const port = await listen();
    // The listener is bound to 127.0.0.1 only; 127.0.0.2 is loopback too but refuses that port.
    const outcome = own(await connectAny(['127.0.0.2', '127.0.0.1'], port, withDeadline(undefined, 3000)));
    expect(outcome).toMatchObject({ kind: 'connected', address: '127.0.0.1' });
    expect(await probeTcp('127.0.0.2', port, withDeadline(undefined, 3000))).toMatchObject({ kind: 'refused' });
  });

  it('moves past an unreachable address too', async () => {
    const port = await listen();
    const outcome = own(await connectAny(['224.0.0.1', '127.0.0.1'], port, withDeadline(undefined, 3000)));
    expect(outcome).toMatchObject({ kind: 'connected', address: '127.0.0.1' });
  });

  it('reports the last refusal when every address refuses', async () => {
    const port = await closedPort();
    const outcome = own(await connectAny(['127.0.0.1', '127.0.0.2'], port, withDeadline(undefined, 3000)));
    expect(outcome).toMatchObject({ kind: 'refused', address: '127.0.0.2' });
  });

  it('stops at a cancel instead of trying the next address', async () => {
    const port = await listen();
    const outcome = own(await connectAny(['127.0.0.1', '127.0.0.2'], port, AbortSignal.abort()));
    expect(outcome).toMatchObject({ kind: 'cancelled', address: '127.0.0.1' });
  });

  it('says there was no address to try', async () => {
    expect(await connectAny([], 443, withDeadline(undefined, 3000))).toEqual({
      kind: 'unreachable',
      address: '',
      code: 'ENOADDRESS',
      ms: 0,
    });
  });
});
