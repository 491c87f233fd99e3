import dgram from 'node:dgram';
import dnsPacket from 'dns-packet';

export type DnsReply =
  | { kind: 'answer'; addresses: string[] }
  | { kind: 'nxdomain' }
  | { kind: 'servfail' }
  /** Say nothing: the client times out. */
  | { kind: 'drop' };

/** One question as it arrived: a client that asks again on the same socket with the same id is retransmitting. */
export interface DnsQuestion {
  name: string;
  type: string;
  id: number;
  /** The client's address and port. */
  from: string;
}

export interface DnsServerOptions {
  address: string;
  port?: number;
  /** IPv4 answer for a name (AAAA questions get an empty answer). */
  answer(name: string, question: DnsQuestion): DnsReply;
  delayMs?: number;
}

export interface RunningDnsServer {
  port: number;
  close(): Promise<void>;
}

/** A tiny authoritative DNS server over UDP, with injected delay and faults per name. */
export function startDnsServer(options: DnsServerOptions): Promise<RunningDnsServer> {
  const socket = dgram.createSocket('udp4');
  const timers = new Set<NodeJS.Timeout>();
  socket.on('message', (message, remote) => {
    let query: dnsPacket.Packet;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return; // not DNS: ignore, like a real server would
    }
    const question = query.questions?.[0];
    if (!question) return;
    const name = question.name.toLowerCase().replace(/\.$/, '');
    const reply = options.answer(name, { name, type: question.type, id: query.id ?? 0, from: `${remote.address}:${remote.port}` });
    if (reply.kind === 'drop') return;
    const response = dnsPacket.encode({
      id: query.id,
      type: 'response',
      flags: dnsPacket.AUTHORITATIVE_ANSWER | dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | rcodeFlag(reply),
      questions: query.questions,
      answers:
        reply.kind === 'answer' && question.type === 'A'
          ? reply.addresses.map((data) => ({ type: 'A' as const, name: question.name, ttl: 60, class: 'IN' as const, data }))
          : [],
    });
    const send = () => socket.send(response, remote.port, remote.address);
    if (options.delayMs) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, options.delayMs);
      timers.add(timer);
    } else {
      send();
    }
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.port ?? 53, options.address, () => {
      socket.removeListener('error', reject);
      resolve({
        port: socket.address().port,
        close: () =>
          new Promise((done) => {
            for (const timer of timers) clearTimeout(timer);
            socket.close(() => done());
          }),
      });
    });
  });
}

function rcodeFlag(reply: DnsReply): number {
  // The response code sits in the low four bits of the flags.
  if (reply.kind === 'nxdomain') return 3;
  if (reply.kind === 'servfail') return 2;
  return 0;
}
