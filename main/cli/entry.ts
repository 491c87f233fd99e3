import { startupArgs } from './prepare-environment';
import { startEarlyLookups } from './early-lookups';
import { checkToRun } from './report-args';

// Ctrl-C once cancels the run and still prints what was found; twice quits at once.
const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

const lookups = startEarlyLookups(checkToRun(startupArgs) ?? startupArgs, controller.signal);
// Loaded only now, so that the DNS queries above are already out while it loads.
import('./main')
  .then(({ runCli }) =>
    runCli(startupArgs, { stdout: process.stdout, stderr: process.stderr, signal: controller.signal, ...(lookups ? { lookups } : {}) }),
  )
  .then(
    (code) => {
      // Exit explicitly: a DNS lookup that is still stuck in getaddrinfo must not hold the process.
      process.stdout.write('', () => process.exit(code));
    },
    (error: unknown) => {
      process.stderr.write(`sync-doctor: could not start: ${String(error)}\n`);
      process.exit(2);
    },
  );
