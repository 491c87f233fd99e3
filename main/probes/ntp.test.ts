import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { startNtpServer } from '../../test-support/ntp-server';
import { manualDeadline, passDeadlineWhen } from '../../test-support/deadline';
import { withDeadline } from '../platform/deadline';
import { probeNtp, readAnswer, readTimestamp, writeTimestamp } from './ntp';

const running: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function ntpServer(options: { clockOffsetMs?: number; garbage?: boolean } = {}): Promise<number> {
  const server = await startNtpServer({ address: '127.0.0.1', port: 0, ...options });
  running.push(server);
  return server.port;
}

/** A UDP port nothing listens on (bound a moment ago, then closed). */
async function silentPort(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/** A UDP socket that reads requests and never answers; `asked` resolves on the first one. */
async function mutePeer(): Promise<{ port: number; asked: Promise<void> }> {
  const socket = dgram.createSocket('udp4');
  const asked = new Promise<void>((resolve) => socket.once('message', () => resolve()));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  running.push({ close: () => new Promise<void>((resolve) => socket.close(() => resolve())) });
  return { port: socket.address().port, asked };
}

describe('probeNtp against the fake NTP server on loopback', () => {
  it('measures an offset near zero against a server with the same clock', async () => {
    const port = await ntpServer();
    const outcome = await probeNtp('127.0.0.1', { port, signal: withDeadline(undefined, 3000) });
    expect(outcome).toMatchObject({ kind: 'answer', stratum: 2 });
    if (outcome.kind !== 'answer') return;
    expect(Math.abs(outcome.offsetMs)).toBeLessThan(250);
    expect(outcome.roundTripMs).toBeGreaterThanOrEqual(0);
  });

  it('says a negative offset when the server is ahead (this computer is behind)', async () => {
    const port = await ntpServer({ clockOffsetMs: 90_000 });
    const outcome = await probeNtp('127.0.0.1', { port, signal: withDeadline(undefined, 3000) });
    if (outcome.kind !== 'answer') throw new Error(`expected an answer, got ${outcome.kind}`);
    expect(outcome.offsetMs).toBeGreaterThan(-90_000 - 250);
    expect(outcome.offsetMs).toBeLessThan(-90_000 + 250);
  });

  it('says a positive offset when the server is behind (this computer is ahead)', async () => {
    const port = await ntpServer({ clockOffsetMs: -3_600_000 });
    const outcome = await probeNtp('127.0.0.1', { port, signal: withDeadline(undefined, 3000) });
    if (outcome.kind !== 'answer') throw new Error(`expected an answer, got ${outcome.kind}`);
    expect(outcome.offsetMs).toBeGreaterThan(3_600_000 - 250);
    expect(outcome.offsetMs).toBeLessThan(3_600_000 + 250);
  });

  it('says a positive offset when the local clock runs ahead', async () => {
    const port = await ntpServer();
    const outcome = await probeNtp('127.0.0.1', { port, signal: withDeadline(undefined, 3000), now: () => Date.now() + 30_000 });
    if (outcome.kind !== 'answer') throw new Error(`expected an answer, got ${outcome.kind}`);
    expect(outcome.offsetMs).toBeGreaterThan(30_000 - 250);
    expect(outcome.offsetMs).toBeLessThan(30_000 + 250);
  });

  it('calls an answer that is not NTP invalid', async () => {
    const port = await ntpServer({ garbage: true });
    const outcome = await probeNtp('127.0.0.1', { port, signal: withDeadline(undefined, 3000) });
    expect(outcome).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/15 bytes/) });
  });

  it('waits for a server that never answers, and says no-answer when the deadline passes', async () => {
    const { port, asked } = await mutePeer();
    const { outcome, settledEarly } = await passDeadlineWhen(asked, (signal) => probeNtp('127.0.0.1', { port, signal }));
    expect(settledEarly).toBe(false);
    expect(outcome.kind).toBe('no-answer');
  });

  it('says no-answer for a port nothing listens on', async () => {
    const port = await silentPort();
    const deadline = manualDeadline();
    const pending = probeNtp('127.0.0.1', { port, signal: deadline.signal });
    deadline.pass();
    // The socket is connected, so an ICMP "port unreachable" may reach it: a refusal is no answer too.
    expect((await pending).kind).toBe('no-answer');
  });

  it('takes the answer from the server only: a forged one from another port is never read', async () => {
    // The server's own answer comes after a forged one that echoes the request's time, as someone
    // who saw the request could send: an hour ahead, from another port of the same host.
    const server = dgram.createSocket('udp4');
    const forger = dgram.createSocket('udp4');
    running.push({ close: async () => void (server.close(), forger.close()) });
    await Promise.all([server, forger].map((socket) => new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()))));
    const reply = (req: Buffer, clock: number) => answer(req, clock, clock);
    server.on('message', (req, from) => {
      forger.send(reply(req, Date.now() + 3_600_000), from.port, from.address, () => {
        setTimeout(() => server.send(reply(req, Date.now()), from.port, from.address), 50);
      });
    });
    const outcome = await probeNtp('127.0.0.1', { port: server.address().port, signal: withDeadline(undefined, 3000) });
    if (outcome.kind !== 'answer') throw new Error(`expected an answer, got ${outcome.kind}`);
    expect(Math.abs(outcome.offsetMs)).toBeLessThan(250);
  });

  it('says no-answer at the deadline when the server stays silent', async () => {
    const { port } = await mutePeer();
    expect(await probeNtp('127.0.0.1', { port, signal: withDeadline(undefined, 300) })).toMatchObject({ kind: 'no-answer' });
  });

  it('says cancelled when the user cancels', async () => {
    const { port } = await mutePeer();
    const controller = new AbortController();
    const pending = probeNtp('127.0.0.1', { port, signal: withDeadline(controller.signal, 10_000) });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ kind: 'cancelled' });
  });

  it('says cancelled for a signal aborted before it started', async () => {
    const port = await ntpServer();
    expect(await probeNtp('127.0.0.1', { port, signal: AbortSignal.abort() })).toMatchObject({ kind: 'cancelled' });
  });
});

// A request sent at `sentAt` (local clock) and a server answer built from it.
const sentAt = 1_764_000_000_250;
function request(): Buffer {
  const buffer = Buffer.alloc(48);
  buffer[0] = (4 << 3) | 3;
  writeTimestamp(buffer, 40, sentAt);
  return buffer;
}
function answer(req: Buffer, serverReceived: number, serverSent: number, fields: { mode?: number; stratum?: number } = {}): Buffer {
  const buffer = Buffer.alloc(48);
  buffer[0] = (4 << 3) | (fields.mode ?? 4);
  buffer[1] = fields.stratum ?? 1;
  req.copy(buffer, 24, 40, 48);
  writeTimestamp(buffer, 32, serverReceived);
  writeTimestamp(buffer, 40, serverSent);
  return buffer;
}

describe('readAnswer', () => {
  it('computes offset (local minus server) and round trip', () => {
    const req = request();
    // The local clock is 5 s ahead; 20 ms each way on the network; the server takes 2 ms.
    const serverReceived = sentAt - 5000 + 20;
    const serverSent = serverReceived + 2;
    const receivedAt = sentAt + 42;
    expect(readAnswer(answer(req, serverReceived, serverSent), req, sentAt, receivedAt, 42)).toEqual({
      kind: 'answer',
      offsetMs: 5000,
      roundTripMs: 40,
      stratum: 1,
      ms: 42,
    });
  });

  it('says a behind clock with a negative offset', () => {
    const req = request();
    const serverReceived = sentAt + 120_000 + 10;
    const outcome = readAnswer(answer(req, serverReceived, serverReceived), req, sentAt, sentAt + 20, 20);
    expect(outcome).toMatchObject({ kind: 'answer', offsetMs: -120_000, roundTripMs: 20 });
  });

  it('rejects a packet too short for NTP', () => {
    expect(readAnswer(Buffer.alloc(47), request(), sentAt, sentAt, 1)).toEqual({
      kind: 'invalid',
      message: 'the answer is 47 bytes, too short for NTP',
      ms: 1,
    });
    expect(readAnswer(Buffer.alloc(0), request(), sentAt, sentAt, 1).kind).toBe('invalid');
  });

  it('rejects an answer that is not in server mode (an echo of our own request, say)', () => {
    const req = request();
    expect(readAnswer(req, req, sentAt, sentAt, 1)).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/mode 3/) });
    expect(readAnswer(answer(req, sentAt, sentAt, { mode: 5 }), req, sentAt, sentAt, 1)).toMatchObject({ kind: 'invalid' });
  });

  it('rejects a kiss-o’-death (stratum 0)', () => {
    const req = request();
    const kiss = answer(req, sentAt, sentAt, { stratum: 0 });
    kiss.write('RATE', 12, 'latin1');
    expect(readAnswer(kiss, req, sentAt, sentAt, 1)).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/kiss/) });
  });

  it('rejects a server whose own clock is not synchronized (leap indicator 3)', () => {
    // Taking its time would blame this computer's clock for the server's.
    const req = request();
    const alarm = answer(req, sentAt - 86_400_000, sentAt - 86_400_000);
    alarm[0] = alarm[0]! | 0b1100_0000;
    expect(readAnswer(alarm, req, sentAt, sentAt + 2, 2)).toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/not synchronized/),
    });
  });

  it('rejects an answer without a transmit time', () => {
    const req = request();
    const empty = answer(req, sentAt, sentAt);
    empty.fill(0, 40, 48);
    expect(readAnswer(empty, req, sentAt, sentAt + 2, 2)).toMatchObject({ kind: 'invalid' });
  });

  it('rejects an answer to some other request', () => {
    const req = request();
    const other = Buffer.alloc(48);
    writeTimestamp(other, 40, sentAt + 1);
    expect(readAnswer(answer(other, sentAt, sentAt), req, sentAt, sentAt, 1)).toMatchObject({
      kind: 'invalid',
      message: 'the answer does not match the request',
    });
  });

  it('accepts a longer packet (with extension fields or a MAC)', () => {
    const req = request();
    const long = Buffer.concat([answer(req, sentAt, sentAt), Buffer.alloc(20)]);
    expect(readAnswer(long, req, sentAt, sentAt + 2, 2)).toMatchObject({ kind: 'answer', offsetMs: 1, roundTripMs: 2 });
  });
});

describe('NTP timestamps', () => {
  it('writes the Unix epoch as NTP second 2208988800', () => {
    const buffer = Buffer.alloc(8);
    writeTimestamp(buffer, 0, 0);
    expect(buffer.toString('hex')).toBe('83aa7e8000000000');
    writeTimestamp(buffer, 0, 500);
    expect(buffer.toString('hex')).toBe('83aa7e8080000000');
  });

  it('reads a timestamp past the 2036 rollover (era 1) as after 2036, not as 1900', () => {
    const buffer = Buffer.alloc(8);
    const in2040 = Date.UTC(2040, 0, 1);
    writeTimestamp(buffer, 0, in2040);
    expect(buffer.readUInt32BE(0)).toBeLessThan(0x80000000);
    expect(readTimestamp(buffer, 0)).toBe(in2040);
  });

  it('reads back what it wrote, to well under a millisecond', () => {
    const buffer = Buffer.alloc(16);
    for (const ms of [0, 1, 999, 1000, 1_764_000_000_250, 1_764_000_000_999, 2_085_978_495_999, 1_764_000_000_123.5]) {
      writeTimestamp(buffer, 8, ms);
      expect(Math.abs(readTimestamp(buffer, 8) - ms), String(ms)).toBeLessThan(0.001);
    }
  });
});
