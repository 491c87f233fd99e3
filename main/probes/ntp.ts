import dgram from 'node:dgram';
import net from 'node:net';
import { elapsedSince, isDeadline } from '../platform/deadline';

export type NtpOutcome =
  | { kind: 'answer'; offsetMs: number; roundTripMs: number; stratum: number; ms: number }
  | { kind: 'no-answer'; ms: number }
  | { kind: 'invalid'; message: string; ms: number }
  | { kind: 'failed'; code: string; ms: number }
  | { kind: 'cancelled'; ms: number };

/** Seconds between the NTP era (1900) and the Unix epoch (1970). */
const NTP_EPOCH_OFFSET = 2_208_988_800;

export interface NtpProbeOptions {
  signal: AbortSignal;
  port?: number;
  /** The local clock, replaceable so tests can pretend the computer's clock is off. */
  now?: () => number;
}

/**
 * Sends one SNTP client request (RFC 4330) and computes the clock offset from the answer, which
 * must come from the server's address and port and echo the request's time.
 */
export function probeNtp(address: string, options: NtpProbeOptions): Promise<NtpOutcome> {
  const start = performance.now();
  const now = options.now ?? Date.now;
  const port = options.port ?? 123;
  return new Promise((resolve) => {
    const socket = dgram.createSocket(net.isIPv6(address) ? 'udp6' : 'udp4');
    let settled = false;
    const finish = (outcome: NtpOutcome) => {
      if (settled) return;
      settled = true;
      options.signal.removeEventListener('abort', onAbort);
      socket.close();
      resolve(outcome);
    };
    const onAbort = () =>
      finish(isDeadline(options.signal) ? { kind: 'no-answer', ms: elapsedSince(start) } : { kind: 'cancelled', ms: elapsedSince(start) });
    const request = Buffer.alloc(48);
    request[0] = (0 << 6) | (4 << 3) | 3; // no leap warning, version 4, client mode
    const sentAt = now();
    writeTimestamp(request, 40, sentAt);
    socket.on('message', (message) => {
      const receivedAt = now();
      finish(readAnswer(message, request, sentAt, receivedAt, elapsedSince(start)));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? 'EUNKNOWN';
      // A refusal (ICMP port unreachable) means nothing answers there: the same as no answer.
      finish(code === 'ECONNREFUSED' ? { kind: 'no-answer', ms: elapsedSince(start) } : { kind: 'failed', code, ms: elapsedSince(start) });
    });
    if (options.signal.aborted) {
      onAbort();
      return;
    }
    options.signal.addEventListener('abort', onAbort, { once: true });
    // Connected to the server, the socket takes datagrams from it alone: without this, the first
    // packet from anyone who guessed the port would set the clock verdict. (It also hears the
    // server's "port unreachable", which an unconnected socket never does.)
    socket.connect(port, address, () => {
      if (settled) return;
      socket.send(request, (error) => {
        if (error) finish({ kind: 'failed', code: (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN', ms: elapsedSince(start) });
      });
    });
  });
}

/** Pure: checks an answer belongs to our request and computes offset and round trip. */
export function readAnswer(message: Buffer, request: Buffer, sentAt: number, receivedAt: number, ms: number): NtpOutcome {
  if (message.length < 48) return { kind: 'invalid', message: `the answer is ${message.length} bytes, too short for NTP`, ms };
  const mode = message[0]! & 0b111;
  if (mode !== 4) return { kind: 'invalid', message: `the answer is not from an NTP server (mode ${mode})`, ms };
  const stratum = message[1]!;
  if (stratum === 0) return { kind: 'invalid', message: "the server refused to give the time (kiss-o'-death)", ms };
  // RFC 4330 section 5: discard an answer from an unsynchronized server or without a transmit time.
  if (message[0]! >> 6 === 3) return { kind: 'invalid', message: "the server's own clock is not synchronized", ms };
  if (message.readUInt32BE(40) === 0 && message.readUInt32BE(44) === 0) {
    return { kind: 'invalid', message: 'the answer carries no transmit time', ms };
  }
  if (!message.subarray(24, 32).equals(request.subarray(40, 48))) {
    return { kind: 'invalid', message: 'the answer does not match the request', ms };
  }
  const serverReceived = readTimestamp(message, 32);
  const serverSent = readTimestamp(message, 40);
  const offsetMs = (serverReceived - sentAt + (serverSent - receivedAt)) / 2;
  const roundTripMs = receivedAt - sentAt - (serverSent - serverReceived);
  // `|| 0` turns -0 into 0, which would otherwise read as "behind".
  return { kind: 'answer', offsetMs: -Math.round(offsetMs) || 0, roundTripMs: Math.max(0, Math.round(roundTripMs)), stratum, ms };
}

export function writeTimestamp(buffer: Buffer, offset: number, unixMs: number): void {
  const seconds = Math.floor(unixMs / 1000) + NTP_EPOCH_OFFSET;
  const fraction = Math.floor(((unixMs % 1000) / 1000) * 2 ** 32);
  buffer.writeUInt32BE(seconds >>> 0, offset);
  buffer.writeUInt32BE(fraction >>> 0, offset + 4);
}

export function readTimestamp(buffer: Buffer, offset: number): number {
  // NTP seconds wrap in February 2036 (era 1). A value with the top bit clear cannot be from before
  // 1968, so it is read as era 1: the same pivot RFC 4330 section 3 suggests.
  const raw = buffer.readUInt32BE(offset);
  const seconds = raw + (raw < 0x80000000 ? 2 ** 32 : 0) - NTP_EPOCH_OFFSET;
  const fraction = buffer.readUInt32BE(offset + 4) / 2 ** 32;
  return seconds * 1000 + fraction * 1000;
}
