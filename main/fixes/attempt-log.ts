import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FixAttempt } from '../../app/fixes/attempt';

const LOG = 'fix-attempts.jsonl';
/** The log keeps the latest attempts only: enough for a support report, never a growing file. */
const KEEP = 100;

/** Appends attempts to the log in the state folder (one JSON object a line); says why when it cannot. */
export async function logAttempts(dir: string, attempts: readonly FixAttempt[]): Promise<string | undefined> {
  if (attempts.length === 0) return undefined;
  const file = path.join(dir, LOG);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await appendFile(file, attempts.map((attempt) => `${JSON.stringify(attempt)}\n`).join(''), { mode: 0o600 });
    const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
    if (lines.length > KEEP) await writeFile(file, `${lines.slice(-KEEP).join('\n')}\n`);
    return undefined;
  } catch (error) {
    return `the attempt could not be recorded in ${file}: ${(error as Error).message}`;
  }
}

/** The recorded attempts, oldest first; lines that are not attempts are skipped. */
export async function readAttempts(dir: string): Promise<FixAttempt[]> {
  let text: string;
  try {
    text = await readFile(path.join(dir, LOG), 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').flatMap((line) => {
    try {
      const value = JSON.parse(line) as FixAttempt;
      return typeof value === 'object' && value !== null && typeof value.fixId === 'string' ? [value] : [];
    } catch {
      return [];
    }
  });
}
