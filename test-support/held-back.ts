import { Duplex } from 'node:stream';
import type net from 'node:net';

/**
 * The raw connection, with everything the server writes held back until `releaseAt`: latency on
 * the server's first flight. The server does its work when the bytes arrive, as a real server
 * would; only delivery waits. Were the server to wait first and work after, every fake host's
 * handshake would land in one burst on this one process, and the hosts, independent on the real
 * internet, would queue behind each other here.
 */
export function holdBackWrites(raw: net.Socket, releaseAt: number, later: (ms: number, fn: () => void) => void): Duplex {
  const held: Duplex = new Duplex({
    read() {
      raw.resume();
    },
    write(chunk: Buffer, _encoding, done) {
      const wait = releaseAt - performance.now();
      if (wait <= 0) raw.write(chunk, done);
      else later(wait, () => raw.write(chunk, done));
    },
    final(done) {
      raw.end(done);
    },
    destroy(error, done) {
      raw.destroy();
      done(error);
    },
  });
  raw.on('data', (chunk: Buffer) => {
    if (!held.push(chunk)) raw.pause();
  });
  raw.once('end', () => held.push(null));
  raw.once('close', () => held.destroy());
  return held;
}
