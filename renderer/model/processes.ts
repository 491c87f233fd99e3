import type { CheckResult, PlannedCheck } from '../../app/contract/check';
import { processCheckId, processCheckTitle } from '../../app/catalog/process-check';
import type { ProcessEntry } from '../../app/catalog/schema';
import { isActive, type RunState } from '../store/run-slice';

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

type ProcessView = { kind: 'not-run'; ranInThisRun: boolean; expected: ProcessRow[] } | { kind: 'checked'; rows: ProcessRow[] };

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

/** Process rows from the run when it checked processes; otherwise what would be checked, marked as not run. */
export function processView(entries: readonly ProcessEntry[], platform: string, run: RunState): ProcessView {
  const planned = run.planned.filter((p) => p.kind === 'process');
  if (planned.length === 0) {
    const expected = entries
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
    return { kind: 'not-run', ranInThisRun: run.phase === 'finished' || run.phase === 'cancelled', expected };
  }
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const active = isActive(run.phase);
  return { kind: 'checked', rows: planned.map((p) => rowOf(p, run.results[p.id], byId, active)) };
}

function rowOf(planned: PlannedCheck, result: CheckResult | undefined, byId: Map<string, ProcessEntry>, active: boolean): ProcessRow {
  const entry = planned.entryId !== undefined ? byId.get(planned.entryId) : undefined;
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

function isImportance(value: unknown): value is ProcessEntry['importance'] {
  return value === 'device' || value === 'sync' || value === 'sync-option' || value === 'background';
}
