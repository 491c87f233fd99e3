import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixAttempt } from '../../app/fixes/attempt';
import { logAttempts, readAttempts } from './attempt-log';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sd-attempts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const attempt = (n: number): FixAttempt => ({
  fixId: 'flush-dns',
  findingId: 'dns-filter',
  action: 'apply',
  startedAt: new Date(n * 1000).toISOString(),
  finishedAt: new Date(n * 1000 + 5).toISOString(),
  steps: [],
  commands: [],
  outcome: { kind: 'applied' },
  before: [],
  after: [],
});

describe('the attempt log', () => {
  it('keeps the latest 100 attempts, oldest first, and skips lines that are not attempts', async () => {
    const folder = path.join(dir, 'state');
    for (let n = 0; n < 104; n += 4)
      expect(await logAttempts(folder, [attempt(n), attempt(n + 1), attempt(n + 2), attempt(n + 3)])).toBeUndefined();
    await appendFile(path.join(folder, 'fix-attempts.jsonl'), 'not json\n{"x":1}\n');
    const read = await readAttempts(folder);
    expect(read).toHaveLength(100);
    expect(read[0]?.startedAt).toBe(attempt(4).startedAt);
    expect(read.at(-1)?.startedAt).toBe(attempt(103).startedAt);
  });

  it('says why when it cannot write, and reads nothing from a folder that is not there', async () => {
    const blocked = path.join(dir, 'a-file');
    await appendFile(blocked, 'x');
    expect(await logAttempts(path.join(blocked, 'sub'), [attempt(1)])).toMatch(/could not be recorded/);
    expect(await readAttempts(path.join(dir, 'missing'))).toEqual([]);
  });
});
