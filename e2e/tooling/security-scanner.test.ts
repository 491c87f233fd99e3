import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureScanner, installedScanner, lockProblems, SCANNER_LOCK_DIR } from '../../scripts/security-scanner.mjs';

// The security scan's scanner is pinned by a lockfile and, once installed, runs with no npm and
// no network: these tests run inside the fake internet's namespace, which has no way out.

const lockText = () => readFile(path.join(SCANNER_LOCK_DIR, 'package-lock.json'), 'utf8');
const scratch: string[] = [];
afterEach(async () => {
  await Promise.all(scratch.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A folder laid out as `npm ci` leaves it, with a stand-in entry file. */
async function fakeInstall(lock: string, options: { finished?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sd-scanner-'));
  scratch.push(dir);
  const dist = path.join(dir, 'node_modules', '@doyensec', 'electronegativity', 'dist');
  await mkdir(dist, { recursive: true });
  await writeFile(path.join(dist, 'index.js'), '');
  await writeFile(path.join(dir, 'package-lock.json'), lock);
  if (options.finished !== false) await writeFile(path.join(dir, 'node_modules', '.package-lock.json'), '{}');
  return dir;
}

describe('the pinned security scanner', () => {
  it('is locked to one exact Electronegativity, every package with its sha512 integrity', async () => {
    const lock = JSON.parse(await lockText()) as { packages: Record<string, { version?: string; integrity?: string }> };
    expect(lockProblems(lock)).toEqual([]);
    expect(lock.packages['node_modules/@doyensec/electronegativity']).toMatchObject({
      version: '1.10.3',
      integrity: expect.stringMatching(/^sha512-/),
    });
  });

  it('would notice a range or a package without integrity', () => {
    const lock = {
      packages: {
        '': { dependencies: { '@doyensec/electronegativity': '^1.10.3' } },
        'node_modules/@doyensec/electronegativity': { version: '1.10.3', integrity: 'sha512-x' },
        'node_modules/left-pad': { version: '1.0.0' },
      },
    };
    expect(lockProblems(lock)).toEqual([
      '@doyensec/electronegativity is not pinned to an exact version (^1.10.3)',
      'the lock does not hold @doyensec/electronegativity ^1.10.3',
      'node_modules/left-pad has no sha512 integrity',
    ]);
  });

  it('counts as installed only when npm ci finished from this very lock', async () => {
    const lock = await lockText();
    expect(installedScanner(await fakeInstall(lock), lock)).toMatch(/electronegativity[/\\]dist[/\\]index\.js$/);
    expect(installedScanner(await fakeInstall(`${lock} `), lock)).toBeUndefined();
    expect(installedScanner(await fakeInstall(lock, { finished: false }), lock)).toBeUndefined();
  });

  it('once installed, starts without npm or the network', async () => {
    const dir = await fakeInstall(await lockText());
    const saved = process.env['PATH'];
    process.env['PATH'] = path.join(dir, 'no-tools-here');
    try {
      expect(ensureScanner(dir)).toEqual({ entry: path.join(dir, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js') });
    } finally {
      process.env['PATH'] = saved;
    }
  });
});
