#!/usr/bin/env node
// Validates electron-builder.yml against app-builder-lib's own JSON schema, offline. Exits 1 with
// each problem (path and message) when the file does not match.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const { load } = require('js-yaml');

export async function validateBuilderConfig(file) {
  const schema = JSON.parse(await readFile(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
  const config = load(await readFile(file, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  const valid = ajv.validate(schema, config);
  return { config, problems: valid ? [] : (ajv.errors ?? []).map((e) => `${e.instancePath || '(top level)'} ${e.message}`) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = path.resolve(process.argv[2] ?? 'electron-builder.yml');
  const { problems } = await validateBuilderConfig(file);
  if (problems.length > 0) {
    console.error(`${file} does not match app-builder-lib's schema:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`${path.basename(file)} matches app-builder-lib's schema`);
}
