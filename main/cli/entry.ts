import './prepare-environment';
import { runCli } from './main';

// Ctrl-C once cancels the run and still prints what was found; twice quits at once.
const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: controller.signal }).then((code) => {
  // Exit explicitly: a DNS lookup that is still stuck in getaddrinfo must not hold the process.
  process.stdout.write('', () => process.exit(code));
});
