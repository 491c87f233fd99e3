import path from 'node:path';
import type psListFunction from 'ps-list';
import { importEsm } from '../../platform/import-esm';
import { ABORTED, raceAbort } from '../../platform/deadline';
import { abortTrouble, type Trouble } from '../../platform/exec';
import { shareOnce } from '../task';

export interface ProcessInfo {
  pid: number;
  /** The executable's file name: the basename of its full path when known, never a truncated comm. */
  name: string;
  /** Full path of the executable; null where the OS does not tell (ps-list on Windows). */
  path: string | null;
}

export type ProcessList = { kind: 'listed'; processes: ProcessInfo[] } | Trouble;

export type ListProcesses = (signal: AbortSignal) => Promise<ProcessList>;

/** Raw rows as ps-list (or a test) gives them. */
interface RawProcess {
  pid: number;
  name: string;
  path?: string | undefined;
}

/**
 * Lists running processes with ps-list 9: on Linux it takes the path from /proc/<pid>/exe, so
 * names are full (ps-list 8 and `comm` cut them to 15 characters); on Windows its bundled
 * fastlist gives full names but no paths; on macOS the path comes from the command line.
 */
export const listProcesses: ListProcesses = async (signal) => {
  try {
    const rows = await raceAbort(
      signal,
      loadPsList().then((psList) => psList()),
    );
    if (rows === ABORTED) return abortTrouble(signal);
    return { kind: 'listed', processes: normalizeProcesses(rows) };
  } catch (error) {
    return { kind: 'cannot-run', why: `the process list could not be read (${(error as Error).message})` };
  }
};

/**
 * ps-list is an ES module that reads import.meta.url when it loads (to find its bundled fastlist
 * for Windows). Bundled into the CommonJS CLI, import.meta is empty and it throws on load, and
 * its vendor folder would be missing anyway. So it is loaded at run time from node_modules.
 */
let psListModule: Promise<typeof psListFunction> | undefined;
function loadPsList(): Promise<typeof psListFunction> {
  psListModule ??= importEsm<{ default: typeof psListFunction }>('ps-list').then((module) => module.default);
  return psListModule;
}

/** Pure: names each process by its executable's basename, whatever separators the path uses. */
export function normalizeProcesses(rows: readonly RawProcess[]): ProcessInfo[] {
  return rows
    .filter((row) => Number.isInteger(row.pid) && row.pid >= 0)
    .map((row) => {
      const full = typeof row.path === 'string' && row.path.trim() !== '' ? row.path.trim() : null;
      const name = full ? baseName(full) : baseName(String(row.name ?? ''));
      return { pid: row.pid, name, path: full };
    });
}

function baseName(file: string): string {
  return file.includes('\\') ? path.win32.basename(file) : path.posix.basename(file);
}

/** One process listing per run, shared by every check that needs it. */
export function sharedProcessList(): ListProcesses {
  return shareOnce(listProcesses);
}
