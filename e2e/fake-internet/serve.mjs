#!/usr/bin/env node
// Starts the fake internet for one scenario and keeps it up, for exploring by hand and for
// benchmarks. Run inside the test namespace, with a command to run against it:
//   node e2e/fake-internet/in-netns.mjs node e2e/fake-internet/serve.mjs '{"faults":{"gs.apple.com":"drop"}}' -- node bin/sync-doctor.cjs check
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const scenario = JSON.parse(args[0] && args[0] !== '--' ? args[0] : '{}');
const command = split >= 0 ? args.slice(split + 1) : [];

export async function loadWorldModule() {
  // Inside the repository so that the bundle's bare imports (zod, selfsigned) resolve.
  const outfile = path.resolve(import.meta.dirname, '../../out/fake-internet/world.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'world.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    absWorkingDir: path.resolve(import.meta.dirname, '../..'),
  });
  return import(pathToFileURL(outfile).href);
}

const { startWorld } = await loadWorldModule();
const world = await startWorld(scenario);
if (command.length === 0) {
  console.error('Fake internet is up; Ctrl-C stops it.');
  // A readiness line for programs that start the world in its own process (the benchmarks).
  process.stdout.write('ready\n');
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      await world.stop();
      process.exit(0);
    });
  }
} else {
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
  child.on('exit', async (code) => {
    await world.stop();
    process.exit(code ?? 1);
  });
}
