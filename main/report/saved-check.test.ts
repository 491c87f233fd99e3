import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plantedReport } from '../../app/report/test-fixtures';
import { readSavedCheck } from './saved-check';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sync-doctor-saved-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const where = path.join(dir, name);
  await writeFile(where, content);
  return where;
}

describe('reading a saved check --json', () => {
  it('takes the report, findings included', async () => {
    const saved = await readSavedCheck(await file('good.json', JSON.stringify(plantedReport())));
    expect(saved.ok && saved.report.checks).toHaveLength(13);
    expect(saved.ok && saved.report.findings?.map((finding) => finding.id)).toEqual(['hosts-file-redirect', 'https-inspection']);
  });

  it.each([
    ['missing.json', undefined, /^Cannot read .*missing\.json: no such file\.$/],
    ['text.json', 'not json at all', /text\.json is not JSON \(.+\)\. Save one with: sync-doctor check --json > check\.json$/],
    ['other.json', JSON.stringify({ schema: 'something-else' }), /other\.json is not a saved sync-doctor check: schema: .+/],
    [
      'bad-status.json',
      JSON.stringify({ ...plantedReport(), checks: [{ ...plantedReport().checks[0], status: 'broken' }] }),
      /bad-status\.json is not a saved sync-doctor check: checks\.0\.status: /,
    ],
  ])('names the file and what is wrong: %s', async (name, content, message) => {
    const where = content === undefined ? path.join(dir, name) : await file(name, content);
    const saved = await readSavedCheck(where);
    expect(saved.ok).toBe(false);
    expect(!saved.ok && saved.message).toMatch(message);
  });

  it('refuses a folder', async () => {
    const saved = await readSavedCheck(dir);
    expect(!saved.ok && saved.message).toBe(`Cannot read ${dir}: it is a folder.`);
  });
});
