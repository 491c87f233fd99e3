import { describe, expect, it } from 'vitest';
import { prepareResolverEnvironment } from './resolver-environment';

describe('prepareResolverEnvironment', () => {
  it('gives every host looked up at once two threads (libuv keeps half for quick work), and keeps glibc within half the deadline', () => {
    const env: NodeJS.ProcessEnv = {};
    prepareResolverEnvironment(5000, 23, env);
    expect(env).toEqual({ UV_THREADPOOL_SIZE: '50', RES_OPTIONS: 'timeout:2 attempts:1' });
  });

  it('keeps the pool between a few threads and libuv’s limit of 1024', () => {
    const few: NodeJS.ProcessEnv = {};
    prepareResolverEnvironment(5000, 0, few);
    expect(few['UV_THREADPOOL_SIZE']).toBe('8');
    const many: NodeJS.ProcessEnv = {};
    prepareResolverEnvironment(5000, 5000, many);
    expect(many['UV_THREADPOOL_SIZE']).toBe('1024');
  });

  it('keeps glibc between 1 and 5 seconds whatever the deadline', () => {
    const short: NodeJS.ProcessEnv = {};
    prepareResolverEnvironment(100, 23, short);
    expect(short['RES_OPTIONS']).toBe('timeout:1 attempts:1');
    const long: NodeJS.ProcessEnv = {};
    prepareResolverEnvironment(120_000, 23, long);
    expect(long['RES_OPTIONS']).toBe('timeout:5 attempts:1');
  });

  it('leaves what the user set alone', () => {
    const env: NodeJS.ProcessEnv = { UV_THREADPOOL_SIZE: '8', RES_OPTIONS: 'rotate' };
    prepareResolverEnvironment(5000, 23, env);
    expect(env).toEqual({ UV_THREADPOOL_SIZE: '8', RES_OPTIONS: 'rotate' });
  });
});
