#!/usr/bin/env node
'use strict';
// The CLI is bundled into one file by `npm run build:cli`; it sets up its resolver environment
// itself before anything else runs (main/cli/prepare-environment.ts). The build also writes V8's
// code cache for the bundle beside it, which spares compiling ~250 KB on every start. A cache that
// does not fit this Node (another version, other V8 flags) is rejected by V8 and ignored.
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');
const { wrapBundle } = require('./wrap-bundle.cjs');

const bundle = path.join(__dirname, '..', 'out', 'cli', 'sync-doctor.cjs');
let cachedData;
try {
  cachedData = readFileSync(`${bundle}.cache`);
} catch {
  cachedData = undefined;
}
if (cachedData) {
  // The bundle has no import() of its own (its one ES module comes through out/cli/import-esm.cjs).
  const script = new vm.Script(wrapBundle(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  const cliModule = { exports: {} };
  script.runInThisContext()(cliModule.exports, createRequire(bundle), cliModule, bundle, path.dirname(bundle));
} else {
  require(bundle);
}
