#!/usr/bin/env node
// Runs Electronegativity (Doyensec's Electron security scanner) over the whole project, sources and
// the built app in out/, and fails on any finding that is not an accepted exception below.
// The scanner is pinned with its whole dependency tree and installed once from that lock
// (scripts/security-scanner.mjs); after that a scan needs no network.
// Its lookup of Electron releases fails offline; that only disables its "newer Electron" advice.
//   node scripts/security-scan.mjs            (after npm run build:app, so out/ is scanned too)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureScanner } from './security-scanner.mjs';

const root = path.resolve(import.meta.dirname, '..');
const electronVersion = createRequire(import.meta.url)('electron/package.json').version;

/**
 * Findings looked at and accepted. Each names the check, the files it may appear in, and why it
 * is not a problem here. Anything else fails the scan.
 */
const ACCEPTED = [
  {
    check: 'CSP_GLOBAL_CHECK',
    files: /^(out\/)?renderer\/index\.html$/,
    why:
      "csp-evaluator's one remark is that script-src 'self' could be abused by JSONP, Angular or user-uploaded files served " +
      "from the same origin. The renderer's origin, app://sync-doctor, serves only the app's own bundle inside app.asar " +
      '(main/electron/renderer-protocol.ts): no user content, no network ' +
      "(connect-src 'none'), and navigation away is blocked in main.",
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    files: /^(main\/electron\/renderer-protocol\.ts|out\/main\/index\.js)$/,
    why:
      "The app:// handler sends an HTML page's own meta CSP as a header too (serveRendererRequest); the scanner cannot read " +
      'a header value held in a variable. The policy itself is the one in renderer/index.html, checked above.',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    files: /^(main\/electron\/external-links\.ts|out\/main\/index\.js)$/,
    why:
      "The single shell.openExternal call sits behind openExternalSafely(), which opens only the app's own links " +
      '(app/links.ts, all https without credentials), nothing the renderer names (main/electron/navigation.ts, tested in ' +
      'navigation.test.ts; new windows are denied without opening anything, lockdown.test.ts).',
  },
];

const scratch = mkdtempSync(path.join(tmpdir(), 'sync-doctor-scan-'));
const sarifFile = path.join(scratch, 'electronegativity.sarif');
try {
  const scanner = ensureScanner();
  if (scanner.problem) {
    console.error(`Electronegativity could not be installed: ${scanner.problem}`);
    process.exit(2);
  }
  const run = spawnSync(process.execPath, [scanner.entry, '-i', root, '-r', '-e', electronVersion, '-o', sarifFile], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 600_000,
  });
  if (run.status !== 0) {
    console.error(`Electronegativity did not run (exit ${run.status}):\n${run.stderr}${run.stdout}`);
    process.exit(2);
  }
  const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
  const results = sarif.runs?.[0]?.results;
  if (!Array.isArray(results)) {
    console.error('Electronegativity wrote no results: the scan cannot be trusted.');
    process.exit(2);
  }
  const findings = results.map((result) => ({
    check: result.ruleId,
    file: result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '?',
    line: result.locations?.[0]?.physicalLocation?.region?.startLine ?? 0,
    message: result.message?.text ?? '',
  }));
  const accepted = [];
  const failures = [];
  for (const finding of findings) {
    const rule = ACCEPTED.find((entry) => entry.check === finding.check && entry.files.test(finding.file));
    (rule ? accepted : failures).push({ ...finding, why: rule?.why });
  }
  for (const finding of accepted) console.log(`accepted  ${finding.check}  ${finding.file}:${finding.line}\n          ${finding.why}`);
  if (failures.length > 0) {
    console.error(`\n${failures.length} Electronegativity finding(s):`);
    for (const finding of failures) console.error(`  ${finding.check}  ${finding.file}:${finding.line}  ${finding.message}`);
    process.exit(1);
  }
  console.log(`\nElectronegativity: ${findings.length} finding(s), all accepted above; nothing else.`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
