// Bundles the command line into one CommonJS file: one file loads much faster than hundreds of
// ES modules, and start-up time is most of what a quick check costs. Then writes V8's code cache
// for it (bin/sync-doctor.cjs loads the bundle with it), and the one helper the bundle requires
// from beside it: import() of ps-list, which cannot run inside the cached vm.Script.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

const require = createRequire(import.meta.url);
const { wrapBundle } = require('../bin/wrap-bundle.cjs');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outfile = 'out/cli/sync-doctor.cjs';
const importEsmFile = 'out/cli/import-esm.cjs';

/** main/platform/import-esm.ts becomes require('./import-esm.cjs'), a plain file Node compiles itself. */
const importEsmBeside = {
  name: 'import-esm-beside',
  setup(build) {
    build.onResolve({ filter: /\/import-esm$/ }, () => ({ path: './import-esm.cjs', external: true }));
  },
};

await build({
  entryPoints: ['main/cli/entry.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  define: { __SYNC_DOCTOR_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
  plugins: [importEsmBeside],
});
writeFileSync(
  importEsmFile,
  "'use strict';\n// Written by scripts/build-cli.mjs; see main/platform/import-esm.ts.\nexports.importEsm = (specifier) => import(specifier);\n",
);

// Compiled, not run: the cache holds what V8 compiles up front, which is most of the start-up cost.
const script = new vm.Script(wrapBundle(readFileSync(outfile, 'utf8')), { filename: new URL(`../${outfile}`, import.meta.url).pathname });
writeFileSync(`${outfile}.cache`, script.createCachedData());
