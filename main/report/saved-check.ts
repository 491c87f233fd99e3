import { readFile, stat } from 'node:fs/promises';
import type { Report } from '../../app/contract/check';
import { validate } from '../../app/ipc/schemas';
import { savedReportSchema } from '../../app/report/saved-report-schema';

export type SavedCheck = { ok: true; report: Report } | { ok: false; message: string };

/** A saved check of the built-in catalog is a few hundred kilobytes; anything this big is not one. */
const MAX_BYTES = 32 * 1024 * 1024;
const HOW_TO_SAVE = 'Save one with: sync-doctor check --json > check.json';

/** Reads what `sync-doctor check --json` saved; every problem names the file and what is wrong with it. */
export async function readSavedCheck(file: string): Promise<SavedCheck> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { ok: false, message: `Cannot read ${file}: it is a folder.` };
    if (info.size > MAX_BYTES)
      return { ok: false, message: `${file} is ${Math.round(info.size / 1024 / 1024)} MB: too big to be a saved check. ${HOW_TO_SAVE}` };
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    return { ok: false, message: `Cannot read ${file}: ${why}.` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `${file} is not JSON (${(error as Error).message}). ${HOW_TO_SAVE}` };
  }
  const parsed = validate(savedReportSchema, data);
  if (!parsed.ok) return { ok: false, message: `${file} is not a saved sync-doctor check: ${parsed.problem}. ${HOW_TO_SAVE}` };
  return { ok: true, report: parsed.value };
}
