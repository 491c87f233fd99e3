import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type RunningDnsServer } from '../../test-support/dns-server';
import { withDeadline } from '../platform/deadline';
import { recordingDnsCache, unresolvableDnsCache } from '../../test-support/recording-dns';

/** Starts nothing on the addresses: for tests that look only at the judgement. */
const nothing = () => Promise.resolve();

describe('DnsCache', () => {
  it('asks for prefetched hosts at once, in the order given, once per name whatever its case', () => {
    const { cache, asked } = recordingDnsCache(['198.18.0.10']);
    expect(cache.firstAskedAt).toBeUndefined();
    const before = performance.now();
    cache.prefetch(['mesu.apple.com', 'gs.apple.com', 'GS.apple.com'], withDeadline(undefined, 2000));
    expect(asked).toEqual(['mesu.apple.com', 'gs.apple.com']);
    expect(cache.firstAskedAt).toBeGreaterThanOrEqual(before);
  });

  it('gives a check the answer already asked for instead of asking again', async () => {
    const { cache, asked } = recordingDnsCache(['198.18.0.10']);
    cache.prefetch(['gs.apple.com'], withDeadline(undefined, 2000));
    const [first, second] = await Promise.all([
      cache.judgeWhile('gs.apple.com', withDeadline(undefined, 2000), nothing),
      cache.judgeWhile('Gs.Apple.Com', withDeadline(undefined, 2000), nothing),
    ]);
    expect(asked).toEqual(['gs.apple.com']);
    expect(first.verdict).toEqual({ kind: 'ok', addresses: ['198.18.0.10'] });
    expect(second.result).toBe(first.result);
  });
});

describe('DnsCache.judgeWhile', () => {
  // The direct query goes to a loopback server that answers late, with another address than the
  // system resolver: a hosts-file redirect, found only once the slower answer is in.
  let server: RunningDnsServer;
  beforeAll(async () => {
    server = await startDnsServer({
      address: '127.0.0.1',
      port: 0,
      delayMs: 150,
      answer: () => ({ kind: 'answer', addresses: ['17.253.144.10'] }),
    });
  });
  afterAll(() => server.close());

  const cacheAnswering = (system: string[]) => recordingDnsCache(system, [`127.0.0.1:${server.port}`]).cache;

  it("starts on the system's addresses before the direct answer is in, and judges with both", async () => {
    const cache = cacheAnswering(['198.18.0.10']);
    const signal = withDeadline(undefined, 2000);
    let bothIn = false;
    void cache.judgeWhile('gs.apple.com', signal, nothing).then(() => (bothIn = true));
    let bothInAtStart: boolean | undefined;
    const judged = await cache.judgeWhile('gs.apple.com', signal, async (addresses) => {
      bothInAtStart = bothIn;
      return addresses;
    });
    expect(bothInAtStart).toBe(false);
    expect(judged.verdict).toEqual({ kind: 'redirected', addresses: ['198.18.0.10'], direct: ['17.253.144.10'] });
    expect(await judged.started).toEqual(['198.18.0.10']);
  });

  it('hands a failure of what it started to the caller, however late the direct answer', async () => {
    const judged = await cacheAnswering(['198.18.0.10']).judgeWhile('gs.apple.com', withDeadline(undefined, 2000), () =>
      Promise.reject(new Error('connector bug')),
    );
    await expect(judged.started).rejects.toThrow('connector bug');
  });

  it('starts nothing when the system answer is a blocking address or a failure', async () => {
    let starts = 0;
    const use = async () => (starts += 1);
    const blocked = await cacheAnswering(['0.0.0.0']).judgeWhile('gs.apple.com', withDeadline(undefined, 2000), use);
    expect(blocked.verdict.kind).toBe('blocked');
    expect(blocked.started).toBeUndefined();
    const failing = unresolvableDnsCache([`127.0.0.1:${server.port}`]);
    const missing = await failing.judgeWhile('gs.apple.com', withDeadline(undefined, 2000), use);
    expect(missing.verdict).toEqual({ kind: 'nxdomain', hostsOnly: true });
    expect(missing.started).toBeUndefined();
    expect(starts).toBe(0);
  });
});
