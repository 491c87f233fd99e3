import net from 'node:net';
import tls from 'node:tls';
import { holdBackWrites } from './held-back';

export interface HttpAnswer {
  status: number;
  headers?: Record<string, string>;
}

export type ListenerBehaviour =
  /** HTTPS: TLS, then one HTTP answer. */
  | { kind: 'https'; cert: string; key: string; answer: HttpAnswer }
  /** TLS and nothing more (push on 5223). */
  | { kind: 'tls'; cert: string; key: string }
  | { kind: 'http'; answer: HttpAnswer }
  /** Accept the connection and close it (an open outbound port). */
  | { kind: 'accept' }
  /** Accept and never say anything. */
  | { kind: 'hang' }
  /** Answer with bytes that are neither TLS nor HTTP. */
  | { kind: 'garbage' };

export interface ListenerOptions {
  address: string;
  port: number;
  behaviour: ListenerBehaviour;
  /** Latency of the TLS server's answer to the client's hello: it reaches the client this much later. */
  tlsDelayMs?: number;
  /** Wait before the HTTP answer. */
  httpDelayMs?: number;
}

export interface RunningListener {
  port: number;
  close(): Promise<void>;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  302: 'Found',
  403: 'Forbidden',
  404: 'Not Found',
  407: 'Proxy Authentication Required',
  503: 'Service Unavailable',
};

/** One fake server on one address and port, with the behaviour a test asks for. */
export function startListener(options: ListenerOptions): Promise<RunningListener> {
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number | undefined, fn: () => void) => {
    if (!ms) return fn();
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  const { behaviour } = options;
  const tlsServer =
    behaviour.kind === 'https' || behaviour.kind === 'tls'
      ? tls.createServer({ cert: behaviour.cert, key: behaviour.key, ALPNProtocols: ['http/1.1'] }, (secure) => {
          sockets.add(secure);
          secure.on('error', () => undefined);
          if (behaviour.kind === 'https') answerHttp(secure, behaviour.answer, later, options.httpDelayMs);
        })
      : undefined;
  tlsServer?.on('tlsClientError', () => undefined);

  const server = net.createServer({ pauseOnConnect: true, noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    switch (behaviour.kind) {
      case 'https':
      case 'tls':
        tlsServer?.emit('connection', options.tlsDelayMs ? holdBackWrites(socket, performance.now() + options.tlsDelayMs, later) : socket);
        return;
      case 'http':
        socket.resume();
        answerHttp(socket, behaviour.answer, later, options.httpDelayMs);
        return;
      case 'accept':
        socket.end();
        return;
      case 'hang':
        socket.resume();
        return;
      case 'garbage':
        socket.resume();
        socket.write('SSH-2.0-OpenSSH_9.2p1 this is neither TLS nor HTTP\r\n');
        return;
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: options.address, port: options.port }, () => {
      server.removeListener('error', reject);
      const address = server.address() as net.AddressInfo;
      resolve({
        port: address.port,
        close: () =>
          new Promise((done) => {
            for (const timer of timers) clearTimeout(timer);
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

function answerHttp(
  socket: net.Socket,
  answer: HttpAnswer,
  later: (ms: number | undefined, fn: () => void) => void,
  delayMs: number | undefined,
): void {
  let received = '';
  const onData = (chunk: Buffer) => {
    received += chunk.toString('latin1');
    if (!received.includes('\r\n\r\n')) return;
    socket.removeListener('data', onData);
    later(delayMs, () => {
      const body = answer.status === 200 ? 'Success\n' : `${answer.status}\n`;
      const headers = {
        Server: 'FakeApple/1.0',
        'Content-Type': 'text/plain',
        'Content-Length': String(body.length),
        Connection: 'close',
        ...answer.headers,
      };
      const head = Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.end(`HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? 'Status'}\r\n${head}\r\n${body}`);
    });
  };
  socket.on('data', onData);
}
