import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANTED, PLANTED_SECRETS, plantedPersonalValues, plantedReport } from '../../app/report/test-fixtures';
import { parseCliArgs } from './args';
import { runReportCommand } from './report-command';

let dir = '';
let saved = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sync-doctor-report-cli-'));
  saved = path.join(dir, 'check.json');
  await writeFile(saved, JSON.stringify(plantedReport(), null, 2));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function stream(): NodeJS.WriteStream & { text(): string } {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  return Object.assign(out as unknown as NodeJS.WriteStream, { text: () => Buffer.concat(chunks).toString('utf8') });
}

async function report(argv: string[]) {
  const stdout = stream();
  const stderr = stream();
  const args = parseCliArgs(argv);
  if (args.command !== 'report' && args.command !== 'report-help') throw new Error(`not a report command: ${JSON.stringify(args)}`);
  const code = await runReportCommand(args, {
    stdout,
    stderr,
    gatherPersonal: () =>
      Promise.resolve({ values: plantedPersonalValues(), identity: { computerName: PLANTED.computer, userName: PLANTED.user } }),
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const lowerIncludes = (text: string, secret: string) => text.toLowerCase().includes(secret.toLowerCase());

describe('sync-doctor report --from', () => {
  it('prints Markdown with nothing personal in it, and exits 1 because checks failed', async () => {
    const run = await report(['report', '--from', saved, '--error', '3194']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^## Sync Doctor support report/);
    expect(run.stdout).toContain('**Error code:** 3194');
    expect(PLANTED_SECRETS.filter((secret) => lowerIncludes(run.stdout, secret))).toEqual([]);
  });

  it('writes each format to --out; with --include-personal the computer name is in, the proxy password is not', async () => {
    for (const format of ['md', 'html', 'json']) {
      const out = path.join(dir, `report.${format}`);
      const run = await report(['report', '--from', saved, '--out', out, '--include-personal']);
      expect(run.stdout).toBe('');
      const text = await readFile(out, 'utf8');
      expect(text, format).toContain(PLANTED.computer);
      expect(lowerIncludes(text, PLANTED.proxyPassword), format).toBe(false);
      expect(lowerIncludes(text, PLANTED.proxyUser), format).toBe(false);
    }
    expect(JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8'))).toMatchObject({
      redacted: false,
      system: { computerName: PLANTED.computer },
    });
  });

  it('names a bad file and what is wrong with it, exit 2', async () => {
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...plantedReport(), summary: { ok: 'many' } }));
    const run = await report(['report', '--from', bad]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(`^sync-doctor: ${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not a saved sync-doctor check: summary\\.ok: `),
    );
  });

  it('says so when the report cannot be written, exit 2', async () => {
    const run = await report(['report', '--from', saved, '--out', path.join(dir, 'no-such-folder', 'r.md')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^sync-doctor: Cannot write .*no-such-folder.*ENOENT/);
  });
});
