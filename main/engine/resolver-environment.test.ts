import { describe, expect, it } from 'vitest';
import { prepareResolverEnvironment } from './resolver-environment';

/** The environment a run with this deadline and this many lookups at once would get, starting from a copy of `from`. */
function prepared(timeoutMs: number, lookupsAtOnce: number, from: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...from };
  prepareResolverEnvironment(timeoutMs, lookupsAtOnce, env);
  return env;
}

describe('prepareResolverEnvironment', () => {
  it('gives every host looked up at once two threads (libuv keeps half for quick work), and keeps glibc within half the deadline', () => {
    expect(prepared(5000, 23)).toEqual({ UV_THREADPOOL_SIZE: '50', RES_OPTIONS: 'timeout:2 attempts:1' });
  });

  it('keeps the pool between a few threads and libuv’s limit of 1024', () => {
    expect(prepared(5000, 0)['UV_THREADPOOL_SIZE']).toBe('8');
    expect(prepared(5000, 5000)['UV_THREADPOOL_SIZE']).toBe('1024');
  });

  it('keeps glibc between 1 and 5 seconds whatever the deadline', () => {
    expect(prepared(100, 23)['RES_OPTIONS']).toBe('timeout:1 attempts:1');
    expect(prepared(120_000, 23)['RES_OPTIONS']).toBe('timeout:5 attempts:1');
  });

  it('leaves what the user set alone', () => {
    expect(prepared(5000, 23, { UV_THREADPOOL_SIZE: '8', RES_OPTIONS: 'rotate' })).toEqual({
      UV_THREADPOOL_SIZE: '8',
      RES_OPTIONS: 'rotate',
    });
  });
});
