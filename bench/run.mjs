#!/usr/bin/env node
// Runs every benchmark in bench/ (TypeScript ones are bundled first) one after another and
// prints their figures. Benchmarks that need the fake internet run inside the test namespace:
// `npm run bench` starts this script through e2e/fake-internet/in-netns.mjs.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv[2];
const entries = readdirSync(path.join(root, 'bench'))
  .filter((name) => (name.endsWith('.bench.ts') || (name.endsWith('.mjs') && name !== 'run.mjs')) && (!only || name.includes(only)))
  .sort();

let failed = 0;
for (const name of entries) {
  let file = path.join(root, 'bench', name);
  if (name.endsWith('.ts')) {
    const outfile = path.join(root, 'out', 'bench', name.replace(/\.ts$/, '.cjs'));
    await build({
      entryPoints: [file],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
    });
    file = outfile;
  }
  console.log(`\n== ${name}`);
  const result = spawnSync(process.execPath, ['--expose-gc', file], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) failed += 1;
}
if (failed > 0) {
  console.error(`\n${failed} benchmark(s) missed a target or failed.`);
  process.exit(1);
}
