import path from 'node:path';
import { bundleForNode } from '../bundle-for-node.mjs';

export const HARNESS_BUNDLE = path.resolve(import.meta.dirname, '../../out/e2e-app/harness.mjs');

/** Bundles the harness once per test run. */
export default async function globalSetup(): Promise<void> {
  await bundleForNode('e2e/app/harness.ts', 'e2e-app/harness.mjs');
}
