import net from 'node:net';
import { isDeadline, withDeadline } from '../../platform/deadline';
import type { UsbmuxEndpoint } from './endpoint';
import { FrameCollector, MAX_FRAME_BYTES, type FrameHeader } from './frame';

/** How one request to the daemon went. Never a throw. */
export type Exchange =
  | { kind: 'reply'; header: FrameHeader; body: Buffer }
  /** Nothing listens there: no socket file, or the connection was refused. */
  | { kind: 'unreachable'; code: string }
  /** Something listens, but this user may not connect to it. */
  | { kind: 'not-allowed'; code: string }
  /** The peer closed the connection before a whole frame; `received` bytes of it had come. */
  | { kind: 'closed'; received: number }
  /** The first bytes cannot start a usbmux frame (wrong protocol, absurd length). */
  | { kind: 'invalid'; why: string }
  /** The deadline passed: before connecting, before any reply, or in the middle of a frame. */
  | { kind: 'timeout'; connected: boolean; received: number }
  | { kind: 'cancelled' };

export interface ExchangeOptions {
  signal: AbortSignal;
  /** This exchange's own deadline, inside the check's. */
  deadlineMs: number;
  maxFrameBytes?: number;
}

const NOT_ALLOWED = new Set(['EACCES', 'EPERM']);

/**
 * Connects, sends one request frame, and reads one reply frame: no more than the frame's bytes,
 * no longer than the deadline, and it stops at once when `signal` aborts. The socket is always
 * destroyed before this resolves.
 */
export function exchange(endpoint: UsbmuxEndpoint, request: Buffer, options: ExchangeOptions): Promise<Exchange> {
  const signal = withDeadline(options.signal, options.deadlineMs);
  if (signal.aborted) return Promise.resolve(interrupted(options.signal, false, 0));
  return new Promise((resolve) => {
    const collector = new FrameCollector(options.maxFrameBytes ?? MAX_FRAME_BYTES);
    let connected = false;
    let done = false;
    let socket: net.Socket;
    try {
      socket = endpoint.kind === 'unix' ? net.createConnection({ path: endpoint.path }) : net.createConnection(endpoint);
    } catch (error) {
      // Node refuses some addresses outright (an odd path or host) rather than failing to connect.
      resolve({ kind: 'unreachable', code: (error as NodeJS.ErrnoException).code ?? 'EINVAL' });
      return;
    }
    const finish = (outcome: Exchange) => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(outcome);
    };
    const onAbort = () => finish(interrupted(options.signal, connected, collector.received));
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('connect', () => {
      connected = true;
      socket.write(request);
    });
    socket.on('data', (chunk: Buffer) => {
      const read = collector.push(chunk);
      if (read.kind === 'frame') finish({ kind: 'reply', header: read.header, body: read.body });
      else if (read.kind === 'invalid') finish({ kind: 'invalid', why: read.why });
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? 'EUNKNOWN';
      if (connected) finish({ kind: 'closed', received: collector.received });
      else if (NOT_ALLOWED.has(code)) finish({ kind: 'not-allowed', code });
      // ENOENT (no socket file), ECONNREFUSED, ENOTSOCK...: nothing usable listens there.
      else finish({ kind: 'unreachable', code });
    });
    socket.on('close', () => finish({ kind: 'closed', received: collector.received }));
  });
}

function interrupted(parent: AbortSignal, connected: boolean, received: number): Exchange {
  // The parent aborting on its own (not by its deadline) is the user cancelling.
  if (parent.aborted && !isDeadline(parent)) return { kind: 'cancelled' };
  return { kind: 'timeout', connected, received };
}
