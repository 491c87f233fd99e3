import type { CheckResult, PlannedCheck } from '../../app/contract/check';
import { processCheckId, processCheckTitle } from '../../app/catalog/process-check';
import type { ProcessEntry } from '../../app/catalog/schema';
import type { RunState } from '../store/run-slice';

export type ProcessState = 'not-checked' | 'checking' | 'present' | 'missing' | 'not-applicable' | 'unknown';

export interface ProcessRow {
  id: string;
  name: string;
  role: string;
  importance: ProcessEntry['importance'] | undefined;
  state: ProcessState;
  /** Missing and needed for seeing or syncing a device. */
  matters: boolean;
  pid?: number;
  detail?: string;
}

export const IMPORTANCE_LABEL: Record<ProcessEntry['importance'], string> = {
  device: 'Needed to see a device',
  sync: 'Needed to sync',
  'sync-option': 'Needed for some sync options',
  background: 'Background helper',
};

/** Unlike the system check, which skips helpers absent on its OS, elsewhere this lists every name: what each helper needs. */
function namesFor(entry: ProcessEntry, platform: string): string[] {
  if (platform === 'win32') return entry.windows ?? [];
  if (platform === 'darwin') return entry.mac ?? [];
  return [...(entry.windows ?? []), ...(entry.mac ?? [])];
}

/** The rows a run that did not check processes shows: what would be checked, marked as not checked. */
export function expectedProcessRows(entries: readonly ProcessEntry[], platform: string): ProcessRow[] {
  return entries
    .map((entry) => ({ entry, names: namesFor(entry, platform) }))
    .filter(({ names }) => names.length > 0)
    .map(({ entry, names }) => ({
      id: processCheckId(entry.id),
      name: processCheckTitle(names),
      role: entry.role,
      importance: entry.importance,
      state: 'not-checked' as const,
      matters: false,
    }));
}

/** The catalog entry of each process check of the plan, found by the plan's entryId. */
export function processEntryOf(planned: PlannedCheck, entries: readonly ProcessEntry[]): ProcessEntry | undefined {
  return planned.entryId === undefined ? undefined : entries.find((entry) => entry.id === planned.entryId);
}

/** One checked process: from its plan, its catalog entry and its result so far. */
export function processRow(
  planned: PlannedCheck,
  entry: ProcessEntry | undefined,
  result: CheckResult | undefined,
  active: boolean,
): ProcessRow {
  const importanceFact = result?.kind === 'process' ? result.facts?.['importance'] : undefined;
  const importance = entry?.importance ?? (isImportance(importanceFact) ? importanceFact : undefined);
  const base = { id: planned.id, name: planned.title, role: entry?.role ?? planned.purpose ?? '', importance };
  if (!result) return { ...base, state: active ? 'checking' : 'not-checked', matters: false };
  const facts = result.kind === 'process' ? result.facts : undefined;
  const pid = typeof facts?.['pid'] === 'number' ? facts['pid'] : undefined;
  const instances = typeof facts?.['instances'] === 'number' ? facts['instances'] : undefined;
  let state: ProcessState;
  if (result.reason === 'not-applicable' || (result.status === 'skipped' && result.reason !== 'cancelled' && !facts))
    state = 'not-applicable';
  else if (pid !== undefined || (instances ?? 0) > 0) state = 'present';
  else if (instances === 0) state = 'missing';
  else state = 'unknown';
  const matters = state === 'missing' && (importance === 'device' || importance === 'sync') && result.status !== 'ok';
  return { ...base, state, matters, detail: result.detail, ...(pid !== undefined ? { pid } : {}) };
}

/** The names of the helpers that matter and are missing, in plan order. */
export function missingHelpers(
  checks: readonly { planned: PlannedCheck; entry: ProcessEntry | undefined }[],
  results: RunState['results'],
): string[] {
  return checks
    .map(({ planned, entry }) => processRow(planned, entry, results[planned.id], false))
    .filter((row) => row.matters)
    .map((row) => row.name);
}

function isImportance(value: unknown): value is ProcessEntry['importance'] {
  return value === 'device' || value === 'sync' || value === 'sync-option' || value === 'background';
}
