import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './run-cli';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

// The package an admin installs the command line from (`npm install -g sync-doctor-x.tgz`): packed
// as npm packs it (the build is done: `npm test` builds first, and prepack builds for a real pack),
// unpacked somewhere else, and the command run from there.
describe('the npm package', () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sd-pack-'));
    const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root });
    const [info] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
    files = info.files.map((file) => file.path).sort();
    await run('tar', ['-xzf', path.join(dir, info.filename), '-C', dir]);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('holds the launcher, the bundle with its code cache and its ES-module helper, and no sources or tests', () => {
    expect(files).toEqual([
      'README.md',
      'bin/sync-doctor.cjs',
      'bin/wrap-bundle.cjs',
      'out/cli/import-esm.cjs',
      'out/cli/sync-doctor.cjs',
      'out/cli/sync-doctor.cjs.cache',
      // npm always adds the file package.json names as `main` (the desktop app's entry, unused by the CLI).
      'out/main/index.js',
      'package.json',
    ]);
  });

  it('runs from the unpacked files alone', async () => {
    const version = (JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const cli = path.join(dir, 'package', 'bin', 'sync-doctor.cjs');
    expect(await runNode(cli, ['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
    const help = await runNode(cli, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('sync-doctor check');
    // A bad option still gets the usage message and exit 2, from the bundle, not a crash of the launcher.
    expect(await runNode(cli, ['check', '--no-such-option'])).toMatchObject({ code: 2, stderr: expect.stringContaining('sync-doctor:') });
  });
});
