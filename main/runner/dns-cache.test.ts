import { describe, expect, it } from 'vitest';
import { withDeadline } from '../probes/deadline';
import { recordingDnsCache } from './fixtures/recording-dns';

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
      cache.judge('gs.apple.com', withDeadline(undefined, 2000)),
      cache.judge('Gs.Apple.Com', withDeadline(undefined, 2000)),
    ]);
    expect(asked).toEqual(['gs.apple.com']);
    expect(first.verdict).toEqual({ kind: 'ok', addresses: ['198.18.0.10'] });
    expect(second.result).toBe(first.result);
  });
});
