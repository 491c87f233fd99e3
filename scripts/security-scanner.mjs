// Electronegativity, pinned. scripts/security-scanner/package-lock.json holds the scanner and
// its whole dependency tree, each package with its sha512 integrity; `npm ci` installs exactly
// that into .cache/security-scanner (gitignored) and checks every tarball against it. Once
// installed, a scan starts it with node and no npm at all, so it runs offline; an install needs
// only npm's cache (--prefer-offline) or the registry. It is not a devDependency because it
// weighs about 147 MB, which every `npm ci` of the project would pay for.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const SCANNER_PACKAGE = '@doyensec/electronegativity';
export const SCANNER_LOCK_DIR = path.join(root, 'scripts', 'security-scanner');
export const SCANNER_INSTALL_DIR = path.join(root, '.cache', 'security-scanner');

/** What is wrong with a scanner lockfile: anything not pinned to one exact, integrity-checked version. */
export function lockProblems(lock) {
  const problems = [];
  const packages = lock?.packages ?? {};
  const wanted = packages['']?.dependencies?.[SCANNER_PACKAGE];
  if (!wanted || !/^\d+\.\d+\.\d+$/.test(wanted))
    problems.push(`${SCANNER_PACKAGE} is not pinned to an exact version (${wanted ?? 'missing'})`);
  const scanner = packages[`node_modules/${SCANNER_PACKAGE}`];
  if (!scanner || scanner.version !== wanted) problems.push(`the lock does not hold ${SCANNER_PACKAGE} ${wanted}`);
  for (const [name, entry] of Object.entries(packages)) {
    if (name === '' || entry.link) continue;
    if (!/^sha512-/.test(entry.integrity ?? '')) problems.push(`${name} has no sha512 integrity`);
  }
  return problems;
}

/** The scanner's entry file in `installDir` when it was installed by `npm ci` from exactly `lockText`; else undefined. */
export function installedScanner(installDir, lockText) {
  const entry = path.join(installDir, 'node_modules', ...SCANNER_PACKAGE.split('/'), 'dist', 'index.js');
  const installedLock = path.join(installDir, 'package-lock.json');
  // npm ci writes node_modules/.package-lock.json last: without it, the install did not finish.
  const finished = path.join(installDir, 'node_modules', '.package-lock.json');
  if (!existsSync(entry) || !existsSync(finished) || !existsSync(installedLock)) return undefined;
  return readFileSync(installedLock, 'utf8') === lockText ? entry : undefined;
}

/**
 * The scanner's entry file, installed from the pinned lock first when it is not there yet (or
 * was installed from another lock). Returns { entry } or { problem }.
 */
export function ensureScanner(installDir = SCANNER_INSTALL_DIR, lockDir = SCANNER_LOCK_DIR) {
  const lockText = readFileSync(path.join(lockDir, 'package-lock.json'), 'utf8');
  const problems = lockProblems(JSON.parse(lockText));
  if (problems.length > 0) return { problem: `the scanner's lock is not pinned: ${problems.join('; ')}` };
  const ready = installedScanner(installDir, lockText);
  if (ready) return { entry: ready };
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(path.join(lockDir, file), path.join(installDir, file));
  // Scripts are not run: the scanner needs none (es5-ext's postinstall only prints a message).
  const install = spawnSync('npm', ['ci', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: installDir,
    encoding: 'utf8',
    timeout: 600_000,
  });
  const entry = installedScanner(installDir, lockText);
  if (install.status !== 0 || !entry) {
    return {
      problem: `npm ci of the pinned scanner failed (exit ${install.status}; it needs npm's cache or the registry):\n${install.stderr}${install.stdout}`,
    };
  }
  return { entry };
}
