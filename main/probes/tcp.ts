import net from 'node:net';
import { elapsedSince, isDeadline } from '../platform/deadline';

export type TcpOutcome =
  | { kind: 'connected'; socket: net.Socket; address: string; ms: number }
  | { kind: 'refused'; address: string; ms: number }
  | { kind: 'timeout'; address: string; ms: number }
  | { kind: 'unreachable'; address: string; code: string; ms: number }
  | { kind: 'cancelled'; address: string; ms: number };

/**
 * Opens a TCP connection to one address. On success the caller owns the socket and must destroy
 * it (or hand it to TLS, whose socket is then the one to destroy).
 */
export function probeTcp(address: string, port: number, signal: AbortSignal): Promise<TcpOutcome> {
  const start = performance.now();
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(abortOutcome(signal, address, start));
      return;
    }
    const socket = net.connect({ host: address, port, noDelay: true });
    const finish = (outcome: TcpOutcome) => {
      signal.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      socket.removeListener('connect', onConnect);
      if (outcome.kind !== 'connected') socket.destroy();
      resolve(outcome);
    };
    const onAbort = () => finish(abortOutcome(signal, address, start));
    const onConnect = () => finish({ kind: 'connected', socket, address, ms: elapsedSince(start) });
    const onError = (error: NodeJS.ErrnoException) => {
      const code = error.code ?? 'EUNKNOWN';
      const ms = elapsedSince(start);
      if (code === 'ECONNREFUSED' || code === 'ECONNRESET') finish({ kind: 'refused', address, ms });
      else if (code === 'ETIMEDOUT') finish({ kind: 'timeout', address, ms });
      else finish({ kind: 'unreachable', address, code, ms });
    };
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', onConnect);
    socket.once('error', onError);
  });
}

function abortOutcome(signal: AbortSignal, address: string, start: number): TcpOutcome {
  return isDeadline(signal)
    ? { kind: 'timeout', address, ms: elapsedSince(start) }
    : { kind: 'cancelled', address, ms: elapsedSince(start) };
}

/** Prefers IPv4 (what most home routers and firewalls handle), then tries the others in order. */
export function orderAddresses(addresses: readonly string[]): string[] {
  const v4 = addresses.filter((a) => net.isIPv4(a));
  const v6 = addresses.filter((a) => !net.isIPv4(a));
  return [...new Set([...v4, ...v6])];
}

/**
 * Tries each address until one connects. A quick refusal or unreachable moves on to the next;
 * a time-out ends the attempt (the deadline is shared).
 */
export async function connectAny(addresses: readonly string[], port: number, signal: AbortSignal): Promise<TcpOutcome> {
  let last: TcpOutcome | undefined;
  const start = performance.now();
  for (const address of orderAddresses(addresses)) {
    last = await probeTcp(address, port, signal);
    if (last.kind === 'connected' || last.kind === 'timeout' || last.kind === 'cancelled') break;
  }
  if (!last) return { kind: 'unreachable', address: '', code: 'ENOADDRESS', ms: 0 };
  return { ...last, ms: elapsedSince(start) } as TcpOutcome;
}
