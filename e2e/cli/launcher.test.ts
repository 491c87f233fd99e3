import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode, type CliRun } from './run-cli';

// The launcher (bin/sync-doctor.cjs) runs the built bundle with the V8 code cache the build wrote.
const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, 'out/cli/sync-doctor.cjs');
const { wrapBundle } = createRequire(import.meta.url)('../../bin/wrap-bundle.cjs') as { wrapBundle: (source: string) => string };
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** bin/ and out/cli/ copied where the cache can be spoiled without touching the build. */
function copyOfTheCli(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sync-doctor-launcher-'));
  copies.push(dir);
  cpSync(path.join(root, 'bin'), path.join(dir, 'bin'), { recursive: true });
  cpSync(path.join(root, 'out/cli'), path.join(dir, 'out/cli'), { recursive: true });
  return dir;
}

function printVersion(dir: string): Promise<CliRun> {
  return runNode(path.join(dir, 'bin/sync-doctor.cjs'), ['--version']);
}

describe('the CLI launcher', () => {
  it('has a code cache that this Node accepts for the built bundle', () => {
    const script = new vm.Script(wrapBundle(readFileSync(bundle, 'utf8')), {
      filename: bundle,
      cachedData: readFileSync(`${bundle}.cache`),
    });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('prints the version through the launcher, with its cache', async () => {
    expect(await printVersion(root)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('compiles the bundle as usual when the cache is spoiled or missing', async () => {
    const spoiled = copyOfTheCli();
    writeFileSync(path.join(spoiled, 'out/cli/sync-doctor.cjs.cache'), Buffer.from('not a code cache'));
    expect(await printVersion(spoiled)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const missing = copyOfTheCli();
    rmSync(path.join(missing, 'out/cli/sync-doctor.cjs.cache'));
    expect(await printVersion(missing)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('loads ps-list, an ES module, through the helper beside the bundle', async () => {
    const { importEsm } = createRequire(bundle)('./import-esm.cjs') as { importEsm: (s: string) => Promise<{ default: unknown }> };
    expect(typeof (await importEsm('ps-list')).default).toBe('function');
  });
});
