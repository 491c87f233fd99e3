import dgram from 'node:dgram';
import net from 'node:net';
import dnsPacket from 'dns-packet';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsReply, type RunningDnsServer } from '../../test-support/dns-server';
import { passDeadlineWhen } from '../../test-support/deadline';
import { withDeadline } from '../platform/deadline';
import { connectableAddresses, isBlockingAddress, judgeDns, probeDns, type DnsAnswer, type DnsProbeResult, type SystemLookup } from './dns';

const REPLIES: Record<string, DnsReply> = {
  'albert.apple.com': { kind: 'answer', addresses: ['198.18.0.10', '198.18.0.11'] },
  'gone.apple.com': { kind: 'nxdomain' },
  'broken.apple.com': { kind: 'servfail' },
  'silent.apple.com': { kind: 'drop' },
};

let server: RunningDnsServer;
let servers: string[];
/** Called with each name the server is asked for. */
const questionListeners = new Set<(name: string) => void>();

/** Resolves when the server is next asked for `name`. */
function asked(name: string): Promise<void> {
  return new Promise((resolve) => {
    const listener = (asked: string) => {
      if (asked !== name) return;
      questionListeners.delete(listener);
      resolve();
    };
    questionListeners.add(listener);
  });
}

beforeAll(async () => {
  server = await startDnsServer({
    address: '127.0.0.1',
    port: 0,
    answer: (name) => {
      for (const listener of [...questionListeners]) listener(name);
      return REPLIES[name] ?? { kind: 'nxdomain' };
    },
  });
  servers = [`127.0.0.1:${server.port}`];
});

afterAll(async () => {
  await server.close();
});

/** The system side, standing in for getaddrinfo (which cannot be pointed at a test server). */
const answers =
  (addresses: string[]): SystemLookup =>
  async () =>
    addresses;
const failsWith =
  (code: string): SystemLookup =>
  async () => {
    throw Object.assign(new Error(`getaddrinfo ${code}`), { code });
  };
/** A getaddrinfo that never comes back, as when every DNS packet is dropped. */
const never: SystemLookup = () => new Promise<string[]>(() => undefined);

describe('probeDns against a fake DNS server on loopback', () => {
  it('returns the addresses the server gives', async () => {
    const result = await probeDns('albert.apple.com', {
      signal: withDeadline(undefined, 3000),
      servers,
      systemLookup: answers(['198.18.0.10']),
    });
    expect(result.direct).toMatchObject({ kind: 'ok', addresses: ['198.18.0.10', '198.18.0.11'] });
    expect(result.system).toMatchObject({ kind: 'ok', addresses: ['198.18.0.10'] });
    expect(judgeDns(result)).toEqual({ kind: 'ok', addresses: ['198.18.0.10'] });
  });

  it('reads NXDOMAIN as nxdomain', async () => {
    const result = await probeDns('gone.apple.com', {
      signal: withDeadline(undefined, 3000),
      servers,
      systemLookup: failsWith('ENOTFOUND'),
    });
    expect(result.direct.kind).toBe('nxdomain');
    expect(result.system.kind).toBe('nxdomain');
    expect(judgeDns(result)).toEqual({ kind: 'nxdomain', hostsOnly: false });
  });

  it('reads SERVFAIL as a failure with its code', async () => {
    const result = await probeDns('broken.apple.com', {
      signal: withDeadline(undefined, 3000),
      servers,
      systemLookup: failsWith('EAI_AGAIN'),
    });
    expect(result.direct).toMatchObject({ kind: 'failed', code: 'ESERVFAIL' });
    expect(result.system).toMatchObject({ kind: 'failed', code: 'EAI_AGAIN' });
    expect(judgeDns(result)).toEqual({ kind: 'failed', code: 'ESERVFAIL' });
  });

  it('waits for a server that drops the query, and gives up when the deadline passes', async () => {
    const { outcome, settledEarly } = await passDeadlineWhen(asked('silent.apple.com'), (signal) =>
      probeDns('silent.apple.com', { signal, servers, systemLookup: never, queryTimeoutMs: 60_000 }),
    );
    expect(settledEarly).toBe(false);
    expect(outcome.direct.kind).toBe('timeout');
    expect(outcome.system.kind).toBe('timeout');
    expect(judgeDns(outcome)).toEqual({ kind: 'timeout' });
  });

  it('reports the resolver’s own per-try time-out as a timeout', async () => {
    const result = await probeDns('silent.apple.com', {
      signal: withDeadline(undefined, 10_000),
      servers,
      systemLookup: answers(['198.18.0.10']),
      queryTimeoutMs: 200,
    });
    expect(result.direct.kind).toBe('timeout');
  });

  it('reports a name server that is not there as a refusal, at once', async () => {
    const socket = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
    const { port } = socket.address();
    await new Promise<void>((resolve) => socket.close(() => resolve()));
    const result = await probeDns('albert.apple.com', {
      signal: withDeadline(undefined, 3000),
      servers: [`127.0.0.1:${port}`],
      systemLookup: failsWith('EAI_AGAIN'),
    });
    expect(result.direct).toMatchObject({ kind: 'failed', code: 'ECONNREFUSED' });
    expect(judgeDns(result)).toEqual({ kind: 'failed', code: 'ECONNREFUSED' });
  });

  it('stops at once when cancelled, and says cancelled rather than timeout', async () => {
    const controller = new AbortController();
    const probe = probeDns('silent.apple.com', {
      signal: withDeadline(controller.signal, 10_000),
      servers,
      systemLookup: never,
      queryTimeoutMs: 10_000,
    });
    setTimeout(() => controller.abort(), 50);
    const result = await probe;
    expect(result.direct.kind).toBe('cancelled');
    expect(result.system.kind).toBe('cancelled');
    expect(judgeDns(result)).toEqual({ kind: 'cancelled' });
  });

  it('says cancelled for a signal that was aborted before the probe started', async () => {
    const result = await probeDns('albert.apple.com', { signal: AbortSignal.abort(), servers, systemLookup: answers(['198.18.0.10']) });
    expect(result.direct.kind).toBe('cancelled');
    expect(result.system.kind).toBe('cancelled');
  });

  it('reads an empty system answer as nxdomain, and a hosts-file block as blocked', async () => {
    const empty = await probeDns('albert.apple.com', { signal: withDeadline(undefined, 3000), servers, systemLookup: answers([]) });
    expect(empty.system.kind).toBe('nxdomain');
    expect(judgeDns(empty)).toEqual({ kind: 'nxdomain', hostsOnly: true });

    const blocked = await probeDns('albert.apple.com', {
      signal: withDeadline(undefined, 3000),
      servers,
      systemLookup: answers(['0.0.0.0']),
    });
    expect(judgeDns(blocked)).toEqual({ kind: 'blocked', addresses: ['0.0.0.0'], direct: ['198.18.0.10', '198.18.0.11'] });
  });

  it('treats a system lookup that throws something without a code as a failure', async () => {
    const result = await probeDns('albert.apple.com', {
      signal: withDeadline(undefined, 3000),
      servers,
      systemLookup: () => Promise.reject(new Error('boom')),
    });
    expect(result.system).toMatchObject({ kind: 'failed', code: 'EUNKNOWN' });
  });
});

const ms = 1;
const ok = (...addresses: string[]): DnsAnswer => ({ kind: 'ok', addresses, ms });
const nxdomain: DnsAnswer = { kind: 'nxdomain', ms };
const timeout: DnsAnswer = { kind: 'timeout', ms };
const failed = (code: string): DnsAnswer => ({ kind: 'failed', code, ms });
const both = (system: DnsAnswer, direct: DnsAnswer): DnsProbeResult => ({ system, direct });

describe('judgeDns', () => {
  it('compares answers within one address family, so an IPv6-only (NAT64) answer is not a redirect', () => {
    expect(judgeDns(both(ok('64:ff9b::11fd:900a'), ok('17.253.144.10')))).toEqual({ kind: 'ok', addresses: ['64:ff9b::11fd:900a'] });
    expect(judgeDns(both(ok('17.253.144.10', '2620:149::1'), ok('17.253.144.10')))).toEqual({
      kind: 'ok',
      addresses: ['17.253.144.10', '2620:149::1'],
    });
    expect(judgeDns(both(ok('74.208.105.171', '2620:149::1'), ok('17.253.144.10'))).kind).toBe('redirected');
  });

  it('calls 0.0.0.0, ::, ::1 and 127.x answers blocked', () => {
    expect(judgeDns(both(ok('0.0.0.0'), ok('17.253.144.10')))).toEqual({
      kind: 'blocked',
      addresses: ['0.0.0.0'],
      direct: ['17.253.144.10'],
    });
    expect(judgeDns(both(ok('127.0.0.1'), ok('17.253.144.10'))).kind).toBe('blocked');
    expect(judgeDns(both(ok('127.13.0.1', '::1'), ok('17.253.144.10'))).kind).toBe('blocked');
    expect(judgeDns(both(ok('::'), nxdomain))).toEqual({ kind: 'blocked', addresses: ['::'], direct: [] });
  });

  it('does not call a partly blocking answer blocked', () => {
    expect(judgeDns(both(ok('0.0.0.0', '17.253.144.10'), ok('17.253.144.10')))).toEqual({
      kind: 'ok',
      addresses: ['0.0.0.0', '17.253.144.10'],
    });
  });

  it('calls disjoint system and direct answers redirected', () => {
    expect(judgeDns(both(ok('203.0.113.7'), ok('17.253.144.10', '17.253.144.11')))).toEqual({
      kind: 'redirected',
      addresses: ['203.0.113.7'],
      direct: ['17.253.144.10', '17.253.144.11'],
    });
  });

  it('accepts answers that share an address (CDNs rotate the rest)', () => {
    expect(judgeDns(both(ok('17.253.144.10', '17.253.144.12'), ok('17.253.144.11', '17.253.144.10'))).kind).toBe('ok');
  });

  it('trusts the system answer when the direct query could not tell', () => {
    expect(judgeDns(both(ok('203.0.113.7'), timeout))).toEqual({ kind: 'ok', addresses: ['203.0.113.7'] });
    expect(judgeDns(both(ok('203.0.113.7'), failed('ECONNREFUSED'))).kind).toBe('ok');
  });

  it('tells a hosts-file-only NXDOMAIN from a real one', () => {
    expect(judgeDns(both(nxdomain, ok('17.253.144.10')))).toEqual({ kind: 'nxdomain', hostsOnly: true });
    expect(judgeDns(both(nxdomain, nxdomain))).toEqual({ kind: 'nxdomain', hostsOnly: false });
    expect(judgeDns(both(nxdomain, timeout))).toEqual({ kind: 'nxdomain', hostsOnly: false });
  });

  it('reads an EAI_AGAIN-style system failure through the direct query', () => {
    expect(judgeDns(both(failed('EAI_AGAIN'), timeout))).toEqual({ kind: 'timeout' });
    expect(judgeDns(both(failed('EAI_AGAIN'), failed('ESERVFAIL')))).toEqual({ kind: 'failed', code: 'ESERVFAIL' });
    expect(judgeDns(both(failed('EAI_AGAIN'), nxdomain))).toEqual({ kind: 'nxdomain', hostsOnly: false });
    expect(judgeDns(both(failed('EAI_AGAIN'), { kind: 'cancelled', ms }))).toEqual({ kind: 'failed', code: 'EAI_AGAIN' });
  });

  it('passes a system timeout or cancel straight through', () => {
    expect(judgeDns(both(timeout, ok('17.253.144.10')))).toEqual({ kind: 'timeout' });
    expect(judgeDns(both({ kind: 'cancelled', ms }, ok('17.253.144.10')))).toEqual({ kind: 'cancelled' });
  });
});

describe('connectableAddresses', () => {
  // A check connects on the system's answer before the direct one is in (DnsCache.judgeWhile):
  // that is only sound if the verdict, whatever the direct answer, then points at the same place.
  const systems: DnsAnswer[] = [
    ok('17.253.144.10'),
    ok('17.253.144.10', '2620:149:a44::1'),
    ok('0.0.0.0'),
    ok('127.0.0.1', '17.253.144.10'),
    ok('::1'),
    nxdomain,
    timeout,
    failed('EAI_AGAIN'),
    { kind: 'cancelled', ms },
  ];
  const directs: DnsAnswer[] = [
    ok('17.253.144.10'),
    ok('203.0.113.7'),
    ok('2620:149:a44::2'),
    nxdomain,
    timeout,
    failed('ESERVFAIL'),
    { kind: 'cancelled', ms },
  ];

  it('gives addresses exactly when the verdict, whatever the direct answer, connects to those same addresses', () => {
    for (const system of systems) {
      const addresses = connectableAddresses(system);
      for (const direct of directs) {
        const verdict = judgeDns(both(system, direct));
        const connects = verdict.kind === 'ok' || verdict.kind === 'redirected' ? verdict.addresses : undefined;
        expect(connects, `${JSON.stringify(system)} with ${JSON.stringify(direct)}`).toEqual(addresses);
      }
    }
  });
});

describe('isBlockingAddress', () => {
  it('knows the addresses filters answer with', () => {
    for (const address of ['0.0.0.0', '127.0.0.1', '127.255.255.254', '::', '::1']) expect(isBlockingAddress(address), address).toBe(true);
    for (const address of ['17.253.144.10', '10.0.0.1', '128.0.0.1', '2620:149:a44::1', '1.127.0.0']) {
      expect(isBlockingAddress(address), address).toBe(false);
    }
  });
});

describe('DNS answers from a hostile name server (property)', () => {
  /** What the server sends back for one query: raw bytes, or nothing. */
  type Reply = (query: dnsPacket.Packet) => Buffer | undefined;
  let reply: Reply = () => undefined;
  let hostile: dgram.Socket;
  beforeAll(async () => {
    hostile = dgram.createSocket('udp4');
    hostile.on('message', (message, from) => {
      let query: dnsPacket.Packet;
      try {
        query = dnsPacket.decode(message);
      } catch {
        return;
      }
      const bytes = reply(query);
      if (bytes) hostile.send(bytes, from.port, from.address);
    });
    await new Promise<void>((resolve) => hostile.bind(0, '127.0.0.1', () => resolve()));
  });
  afterAll(() => new Promise<void>((resolve) => hostile.close(() => resolve())));

  const record = fc.oneof(
    fc.ipV4().map((data) => ({ type: 'A' as const, data })),
    fc.ipV6().map((data) => ({ type: 'AAAA' as const, data })),
    fc.domain().map((data) => ({ type: 'CNAME' as const, data })),
    fc.string({ maxLength: 40 }).map((data) => ({ type: 'TXT' as const, data })),
  );
  const answer: fc.Arbitrary<Reply> = fc.oneof(
    // Bytes that are not DNS, or a packet cut short.
    fc.uint8Array({ maxLength: 600 }).map((bytes) => () => Buffer.from(bytes)),
    fc
      .record({
        sameId: fc.boolean(),
        id: fc.nat(65535),
        rcode: fc.constantFrom('NOERROR', 'NXDOMAIN', 'SERVFAIL', 'REFUSED', 'FORMERR'),
        name: fc.oneof(fc.constant('albert.apple.com'), fc.domain()),
        records: fc.array(record, { maxLength: 40 }),
        cut: fc.option(fc.nat(300)),
      })
      .map((shape) => (query: dnsPacket.Packet) => {
        const packet = dnsPacket.encode({
          id: shape.sameId ? query.id : shape.id,
          type: 'response',
          flags: dnsPacket.RECURSION_AVAILABLE,
          rcode: shape.rcode,
          questions: query.questions,
          answers: shape.records.map((entry) => ({ ...entry, name: shape.name, ttl: 60, class: 'IN' as const })),
        } as dnsPacket.Packet);
        return shape.cut === null ? packet : packet.subarray(0, shape.cut);
      }),
    fc.constant(() => undefined),
  );

  it('always give an answer the verdict can read, with only IP addresses in it', async () => {
    await fc.assert(
      fc.asyncProperty(answer, async (chosen) => {
        reply = chosen;
        const result = await probeDns('albert.apple.com', {
          signal: withDeadline(undefined, 1000),
          servers: [`127.0.0.1:${hostile.address().port}`],
          queryTimeoutMs: 150,
          systemLookup: answers(['198.18.0.10']),
        });
        expect(['ok', 'nxdomain', 'timeout', 'failed']).toContain(result.direct.kind);
        if (result.direct.kind === 'ok') for (const address of result.direct.addresses) expect(net.isIP(address)).not.toBe(0);
        expect(['ok', 'redirected', 'blocked']).toContain(judgeDns(result).kind);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe('judgeDns on any pair of answers (property)', () => {
  const dnsAnswer: fc.Arbitrary<DnsAnswer> = fc.oneof(
    fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('0.0.0.0', '127.0.0.1', '::', '::1')), { maxLength: 6 }).map((addresses) => ({
      kind: 'ok' as const,
      addresses,
      ms: 1,
    })),
    fc.constantFrom<DnsAnswer>({ kind: 'nxdomain', ms: 1 }, { kind: 'timeout', ms: 1 }, { kind: 'cancelled', ms: 1 }),
    fc.string({ maxLength: 12 }).map((code) => ({ kind: 'failed' as const, code, ms: 1 })),
  );

  it('reads every pair, and connects exactly to the addresses connectableAddresses gives', () => {
    fc.assert(
      fc.property(dnsAnswer, dnsAnswer, (system, direct) => {
        const verdict = judgeDns({ system, direct });
        expect(['ok', 'blocked', 'redirected', 'nxdomain', 'timeout', 'failed', 'cancelled']).toContain(verdict.kind);
        const connects = verdict.kind === 'ok' || verdict.kind === 'redirected' ? verdict.addresses : undefined;
        expect(connects).toEqual(connectableAddresses(system));
      }),
      { numRuns: 2000 },
    );
  });
});
