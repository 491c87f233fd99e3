#!/usr/bin/env node
// Starts the fake internet for one scenario and keeps it up, for exploring by hand and for
// benchmarks. Run inside the test namespace, with a command to run against it:
//   node e2e/fake-internet/in-netns.mjs node e2e/fake-internet/serve.mjs '{"faults":{"gs.apple.com":"drop"}}' -- node bin/sync-doctor.cjs check
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { bundleForNode } from '../bundle-for-node.mjs';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const scenario = JSON.parse(args[0] && args[0] !== '--' ? args[0] : '{}');
const command = split >= 0 ? args.slice(split + 1) : [];

async function loadWorldModule() {
  return import(pathToFileURL(await bundleForNode('e2e/fake-internet/world.ts', 'fake-internet/world.mjs')).href);
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
