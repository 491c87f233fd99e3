import { builtinCatalog } from '../../app/catalog/builtin';
import { hostsToResolve } from '../runner/chain';

/**
 * libuv's thread pool runs getaddrinfo, and its default four threads would queue the lookups of
 * a catalog's hosts behind each other. libuv lets slow work like a lookup use only half the
 * threads, so the pool gets two per host looked up at once, plus a few for file reads. Not more:
 * every thread is started up front and joined at exit, which a quick check feels. The size is
 * read once, when the pool starts, so this must run before anything uses the pool: import it first.
 *
 * glibc retries a lookup for ~10 s by default, longer than a check may take; keeping its wait
 * within the check's deadline lets the process exit on time. It only affects this process.
 */
export function prepareResolverEnvironment(timeoutMs: number, lookupsAtOnce: number, env: NodeJS.ProcessEnv = process.env): void {
  env['UV_THREADPOOL_SIZE'] ??= String(Math.min(1024, 2 * Math.max(2, Math.ceil(lookupsAtOnce)) + SPARE_THREADS));
  if (env['RES_OPTIONS'] === undefined) {
    const seconds = Math.max(1, Math.min(5, Math.floor(timeoutMs / 2000)));
    env['RES_OPTIONS'] = `timeout:${seconds} attempts:1`;
  }
}

/** For file reads and the odd lookup of a proxy's name while the hosts' lookups are out. */
const SPARE_THREADS = 4;

/** When the hosts are not known before the pool starts (a --catalog file not read yet). */
export const UNKNOWN_LOOKUPS = 30;

/** Lookups at once in a run of the built-in catalog's network checks, `concurrency` checks at a time. */
export function builtinLookupsAtOnce(concurrency: number): number {
  return Math.min(hostsToResolve(builtinCatalog()).length, concurrency);
}
