import { describe, expect, it } from 'vitest';
import { prepareResolverEnvironment } from './resolver-environment';

describe('prepareResolverEnvironment', () => {
  it('widens the thread pool and keeps glibc within half the deadline', () => {
    const env: NodeJS.ProcessEnv = {};
    prepareResolverEnvironment(5000, env);
    expect(env).toEqual({ UV_THREADPOOL_SIZE: '64', RES_OPTIONS: 'timeout:2 attempts:1' });
  });

  it('keeps glibc between 1 and 5 seconds whatever the deadline', () => {
    const short: NodeJS.ProcessEnv = {};
    prepareResolverEnvironment(100, short);
    expect(short['RES_OPTIONS']).toBe('timeout:1 attempts:1');
    const long: NodeJS.ProcessEnv = {};
    prepareResolverEnvironment(120_000, long);
    expect(long['RES_OPTIONS']).toBe('timeout:5 attempts:1');
  });

  it('leaves what the user set alone', () => {
    const env: NodeJS.ProcessEnv = { UV_THREADPOOL_SIZE: '8', RES_OPTIONS: 'rotate' };
    prepareResolverEnvironment(5000, env);
    expect(env).toEqual({ UV_THREADPOOL_SIZE: '8', RES_OPTIONS: 'rotate' });
  });
});
