import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../app/catalog/builtin';
import { hostsToResolve } from '../runner/chain';
import { recordingDnsCache } from '../../test-support/recording-dns';
import { parseCliArgs } from './args';
import { startEarlyLookups } from './early-lookups';

describe('startEarlyLookups', () => {
  it('asks for every host of the built-in catalog, longest chains first, for a network check', () => {
    const { cache, asked } = recordingDnsCache([]);
    const controller = new AbortController();
    expect(startEarlyLookups(parseCliArgs(['check', '--json']), controller.signal, cache)).toBe(cache);
    expect(asked).toEqual(hostsToResolve(builtinCatalog()));
    controller.abort();
  });

  it('asks for no more hosts at once than --concurrency allows checks', () => {
    const { cache, asked } = recordingDnsCache([]);
    const controller = new AbortController();
    startEarlyLookups(parseCliArgs(['check', '--concurrency', '3']), controller.signal, cache);
    expect(asked).toEqual(hostsToResolve(builtinCatalog()).slice(0, 3));
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
      const { cache, asked } = recordingDnsCache([]);
      expect(startEarlyLookups(parseCliArgs(argv), new AbortController().signal, cache), argv.join(' ')).toBeUndefined();
      expect(asked).toEqual([]);
    }
  });
});
