import path from 'node:path';
import { build } from 'esbuild';

export const HARNESS_BUNDLE = path.resolve(import.meta.dirname, '../../out/e2e-app/harness.mjs');

/** Bundles the harness once per test run (inside the repository, so bare imports resolve). */
export default async function globalSetup(): Promise<void> {
  await build({
    entryPoints: [path.join(import.meta.dirname, 'harness.ts')],
    outfile: HARNESS_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    absWorkingDir: path.resolve(import.meta.dirname, '../..'),
  });
}
