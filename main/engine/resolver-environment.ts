/**
 * libuv's thread pool runs getaddrinfo, and its default four threads (half of them usable for
 * lookups) would queue the lookups of ~30 hosts behind each other. The size is read once, when the
 * pool starts, so this must run before anything uses the pool: import it first.
 *
 * glibc retries a lookup for ~10 s by default, longer than a check may take; keeping its wait
 * within the check's deadline lets the process exit on time. It only affects this process.
 */
export function prepareResolverEnvironment(timeoutMs: number, env: NodeJS.ProcessEnv = process.env): void {
  env['UV_THREADPOOL_SIZE'] ??= '64';
  if (env['RES_OPTIONS'] === undefined) {
    const seconds = Math.max(1, Math.min(5, Math.floor(timeoutMs / 2000)));
    env['RES_OPTIONS'] = `timeout:${seconds} attempts:1`;
  }
}
