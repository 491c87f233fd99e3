import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../app/catalog/builtin';
import { hostsToResolve } from '../runner/chain';
import { DnsCache } from '../runner/dns-cache';
import { startEarlyLookups } from './early-lookups';

/** Records the names asked for; nothing leaves this machine (direct queries go to a closed local port). */
function recording() {
  const asked: string[] = [];
  const cache = new DnsCache({
    servers: ['127.0.0.1:9'],
    systemLookup: async (host) => {
      asked.push(host);
      return [];
    },
  });
  return { cache, asked };
}

describe('startEarlyLookups', () => {
  it('asks for every host of the built-in catalog, longest chains first, for a network check', () => {
    const { cache, asked } = recording();
    const controller = new AbortController();
    expect(startEarlyLookups(['check', '--json'], controller.signal, cache)).toBe(cache);
    expect(asked).toEqual(hostsToResolve(builtinCatalog()));
    controller.abort();
  });

  it('asks for nothing when the command looks nothing up or its hosts are not known yet', () => {
    for (const argv of [
      ['--help'],
      ['--version'],
      ['check', '--bogus'],
      ['check', '--only', 'system'],
      ['check', '--catalog', 'mine.json'],
    ]) {
      const { cache, asked } = recording();
      expect(startEarlyLookups(argv, new AbortController().signal, cache), argv.join(' ')).toBeUndefined();
      expect(asked).toEqual([]);
    }
  });
});
