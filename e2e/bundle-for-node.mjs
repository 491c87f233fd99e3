// Bundles a TypeScript test fixture into one ES module that plain Node can import (Node 20 runs
// no TypeScript, and cannot import catalog.json from the sources). The bundle is written inside
// the repository, under out/, so that its bare imports (zod, selfsigned) resolve.
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** Bundles `entry` (a path inside the repository) to `out/<outName>` and returns its path. */
export async function bundleForNode(entry, outName) {
  const outfile = path.join(root, 'out', outName);
  await build({
    entryPoints: [path.resolve(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  return outfile;
}
