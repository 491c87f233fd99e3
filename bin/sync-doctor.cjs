#!/usr/bin/env node
'use strict';
// Set before anything touches libuv's thread pool: getaddrinfo runs there, and the default four
// threads (half of them usable for lookups) would queue the lookups of ~30 hosts behind each other.
process.env.UV_THREADPOOL_SIZE ??= '64';
// glibc's resolver retries for ~10 s by default; a check has its own deadline, so keep glibc's
// wait within it (this only affects lookups made by this process).
if (process.env.RES_OPTIONS === undefined) {
  const i = process.argv.indexOf('--timeout-ms');
  const ms = i > 0 ? Number(process.argv[i + 1]) : 5000;
  const seconds = Math.max(1, Math.min(5, Math.floor((Number.isFinite(ms) ? ms : 5000) / 2000)));
  process.env.RES_OPTIONS = `timeout:${seconds} attempts:1`;
}
require('../out/cli/sync-doctor.cjs');
