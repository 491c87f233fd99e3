import dgram from 'node:dgram';
import { writeTimestamp } from '../main/probes/ntp';

export interface NtpServerOptions {
  address: string;
  port?: number;
  /** How far the server's clock is from this machine's (to make the client's clock look off). */
  clockOffsetMs?: number;
  /** Answer with bytes that are not NTP. */
  garbage?: boolean;
}

export interface RunningNtpServer {
  port: number;
  /** How many requests have arrived (answered or not). */
  queries(): number;
  close(): Promise<void>;
}

/** Answers SNTP client requests with this machine's time, shifted by clockOffsetMs. */
export function startNtpServer(options: NtpServerOptions): Promise<RunningNtpServer> {
  const socket = dgram.createSocket('udp4');
  let queries = 0;
  socket.on('message', (request, remote) => {
    queries += 1;
    if (options.garbage) {
      socket.send(Buffer.from('this is not ntp'), remote.port, remote.address);
      return;
    }
    if (request.length < 48) return;
    const now = Date.now() + (options.clockOffsetMs ?? 0);
    const reply = Buffer.alloc(48);
    reply[0] = (0 << 6) | (4 << 3) | 4; // version 4, server mode
    reply[1] = 2; // stratum
    reply[2] = request[2] ?? 6;
    reply[3] = 0xec; // precision
    request.copy(reply, 24, 40, 48); // originate = the client's transmit time
    writeTimestamp(reply, 16, now); // reference
    writeTimestamp(reply, 32, now); // receive
    writeTimestamp(reply, 40, now); // transmit
    socket.send(reply, remote.port, remote.address);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.port ?? 123, options.address, () => {
      socket.removeListener('error', reject);
      resolve({ port: socket.address().port, queries: () => queries, close: () => new Promise((done) => socket.close(() => done())) });
    });
  });
}
