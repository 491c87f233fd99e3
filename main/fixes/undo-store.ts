import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { FIX_IDS, type FixId } from '../../app/diagnosis/finding';
import type { SystemOs } from '../platform/system-os';

/** What a fix saved so that `--undo` can put it back (the hosts backup, the old WinHTTP proxy). */
export interface UndoRecord {
  fixId: FixId;
  /** When the fix was applied (ISO). */
  at: string;
  data: Record<string, string>;
}

export interface UndoStore {
  /** Where records are kept, for messages. */
  readonly dir: string;
  load(fixId: FixId): Promise<UndoRecord | undefined>;
  save(record: UndoRecord): Promise<void>;
  forget(fixId: FixId): Promise<void>;
}

/**
 * Where undo records (and the attempt log) live: elevated runs in the machine-wide folder
 * (ProgramData, /Library, /var/lib; root-only on macOS and Linux), others in the user's own.
 * An undo acts only on what a record may hold (a backup beside the hosts file, a proxy-shaped
 * value), and on macOS and Linux only on a record nobody else could have written.
 * SYNC_DOCTOR_STATE_DIR overrides (tests, fleets).
 */
export function stateDir(os: SystemOs, env: Readonly<Record<string, string | undefined>>, elevated: boolean, home: string): string {
  const override = env['SYNC_DOCTOR_STATE_DIR'];
  if (override) return override;
  switch (os) {
    case 'windows': {
      const key = Object.keys(env).find((name) => name.toLowerCase() === (elevated ? 'programdata' : 'localappdata'));
      const base = (key && env[key]) || (elevated ? 'C:\\ProgramData' : path.win32.join(home, 'AppData', 'Local'));
      return path.win32.join(base, 'Sync Doctor');
    }
    case 'mac':
      return elevated ? '/Library/Application Support/Sync Doctor' : path.posix.join(home, 'Library', 'Application Support', 'Sync Doctor');
    case 'linux':
    case 'other':
      return elevated
        ? '/var/lib/sync-doctor'
        : path.posix.join(env['XDG_STATE_HOME'] || path.posix.join(home, '.local', 'state'), 'sync-doctor');
  }
}

/** Undo records as small JSON files, one per fix, readable and writable by the owner only. */
export function fileUndoStore(dir: string): UndoStore {
  const fileOf = (fixId: FixId) => path.join(dir, `undo-${fixId}.json`);
  return {
    dir,
    async load(fixId) {
      const file = fileOf(fixId);
      try {
        const info = await stat(file);
        // A record others could have written is not acted on (an undo may run as administrator).
        if (process.platform !== 'win32' && ((info.mode & 0o022) !== 0 || (info.uid !== 0 && info.uid !== process.getuid?.()))) {
          return undefined;
        }
        return parseRecord(await readFile(file, 'utf8'), fixId);
      } catch {
        return undefined;
      }
    },
    async save(record) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const handle = await open(fileOf(record.fixId), 'w', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(record, null, 2)}\n`);
      } finally {
        await handle.close();
      }
    },
    async forget(fixId) {
      await rm(fileOf(fixId), { force: true });
    },
  };
}

function parseRecord(text: string, fixId: FixId): UndoRecord | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  if (record['fixId'] !== fixId || !(FIX_IDS as readonly string[]).includes(fixId)) return undefined;
  if (typeof record['at'] !== 'string' || typeof record['data'] !== 'object' || record['data'] === null) return undefined;
  const fields = Object.entries(record['data'] as Record<string, unknown>);
  if (fields.some(([, value]) => typeof value !== 'string')) return undefined;
  return { fixId, at: record['at'], data: Object.fromEntries(fields) as Record<string, string> };
}
