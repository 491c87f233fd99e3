import path from 'node:path';
import { build } from 'esbuild';
import { bundleForNode } from '../bundle-for-node.mjs';

export const HARNESS_BUNDLE = path.resolve(import.meta.dirname, '../../out/e2e-app/harness.mjs');
/** The real preload code with Electron's IPC replaced at its edge, run in the page before its scripts. */
export const PAGE_PRELOAD_BUNDLE = path.resolve(import.meta.dirname, '../../out/e2e-app/page-preload.js');

/** Bundles the harness (for Node) and the page's preload (for the browser) once per test run. */
export default async function globalSetup(): Promise<void> {
  await Promise.all([
    bundleForNode('e2e/app/harness.ts', 'e2e-app/harness.mjs'),
    build({
      entryPoints: [path.resolve(import.meta.dirname, 'page-preload.ts')],
      outfile: PAGE_PRELOAD_BUNDLE,
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'chrome120',
      logLevel: 'warning',
    }),
  ]);
}
