// Bundles the command line into one CommonJS file: one file loads much faster than hundreds of
// ES modules, and start-up time is most of what a quick check costs.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
await build({
  entryPoints: ['main/cli/entry.ts'],
  outfile: 'out/cli/sync-doctor.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  define: { __SYNC_DOCTOR_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
