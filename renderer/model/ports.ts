import type { CheckResult, CheckStatus, PlannedCheck } from '../../app/contract/check';
import type { PortEntry } from '../../app/catalog/schema';
import { isActive, type RunState } from '../store/run-slice';
import { worstStatus } from './status';

export type PortState =
  | { kind: 'not-checked'; text: string }
  | { kind: 'checking'; text: string }
  | { kind: 'untestable'; text: string }
  | { kind: 'done'; status: CheckStatus; text: string };

/** Who listens on the entry's ports here; flat values only, so a row can compare it shallowly. */
export type Listeners =
  { kind: 'not-run' } | { kind: 'not-watched' } | { kind: 'pending' } | { kind: 'found'; who: string } | { kind: 'none' };

/** What a port row shows whatever the run: the entry as the catalog has it. */
export interface PortLine {
  id: string;
  ports: string;
  protocol: 'tcp' | 'udp';
  usedBy: string;
  how: string;
}

/** Which checks of a plan speak for one entry: worked out once per plan, not on every event. */
export interface PortCoverage {
  /** The checks whose results make the entry's result. */
  covering: readonly string[];
  /** The checks of what listens on this computer that look at the entry's port. */
  listeners: readonly string[];
  /** The plan has checks of what listens here at all (else "not run" rather than "outbound only"). */
  listenersPlanned: boolean;
}

/** What a port row reads of the run. */
type RunView = Pick<RunState, 'phase' | 'runId' | 'results'>;

const HOW: Record<NonNullable<PortEntry['covered']> | 'outbound', string> = {
  outbound: 'Tested by connecting out',
  servers: "Tested with Apple's servers",
  ntp: 'Tested with the time server',
  local: 'Checked on this computer',
};

export function portLine(entry: PortEntry): PortLine {
  return {
    id: entry.id,
    ports: entry.portEnd !== undefined ? `${entry.port}–${entry.portEnd}` : String(entry.port),
    protocol: entry.protocol,
    usedBy: entry.usedBy,
    how: entry.untestable ? 'Not testable' : HOW[entry.covered ?? 'outbound'],
  };
}

export function portCoverage(entry: PortEntry, planned: readonly PlannedCheck[]): PortCoverage {
  const ids = (checks: readonly PlannedCheck[]) => checks.map((p) => p.id);
  return {
    covering: ids(coveringChecks(entry, planned)),
    listeners: ids(listenerChecks(entry, planned)),
    listenersPlanned: planned.some((p) => p.kind === 'listener'),
  };
}

/** The checks of what listens on this computer that look at this entry's ports. */
function listenerChecks(entry: PortEntry, planned: readonly PlannedCheck[]): PlannedCheck[] {
  return planned.filter((p) => p.kind === 'listener' && p.entryId === entry.id);
}

/** The checks that say something about this entry: its own, or those of the servers or the time check that use the port. */
function coveringChecks(entry: PortEntry, planned: readonly PlannedCheck[]): PlannedCheck[] {
  switch (entry.covered) {
    case 'servers':
      return planned.filter((p) => p.kind === 'server' && p.port === entry.port);
    case 'ntp':
      return planned.filter((p) => p.kind === 'ntp');
    case 'local':
      return listenerChecks(entry, planned);
    case undefined:
      return planned.filter((p) => p.kind === 'port' && p.entryId === entry.id);
  }
}

function resultsOf(ids: readonly string[], results: RunState['results']): CheckResult[] {
  return ids.map((id) => results[id]).filter((r): r is CheckResult => r !== undefined);
}

export function portState(entry: PortEntry, coverage: PortCoverage, run: RunView): PortState {
  if (entry.untestable) return { kind: 'untestable', text: entry.untestable };
  if (run.phase === 'idle' || (run.phase === 'starting' && run.runId === undefined))
    return { kind: 'not-checked', text: 'Not checked yet' };
  const planned = coverage.covering.length;
  if (planned === 0) {
    if (entry.covered === 'local') return { kind: 'not-checked', text: 'Local checks not yet run' };
    if (entry.covered === 'servers') return { kind: 'not-checked', text: 'No server in the list uses this port' };
    return {
      kind: 'not-checked',
      text: entry.protocol === 'udp' ? 'UDP cannot be tested without a server that answers' : 'Not part of this run',
    };
  }
  const results = resultsOf(coverage.covering, run.results);
  if (results.length < planned && isActive(run.phase)) return { kind: 'checking', text: `Checking… ${results.length} of ${planned}` };
  if (results.length === 0) return { kind: 'not-checked', text: 'Not finished' };
  return { kind: 'done', status: worstStatus(results.map((r) => r.status)), text: summarize(entry, results, planned) };
}

function summarize(entry: PortEntry, results: readonly CheckResult[], planned: number): string {
  const reached = results.filter((r) => r.status === 'ok' || r.status === 'warn').length;
  const cancelled = results.filter((r) => r.reason === 'cancelled').length;
  const tail = cancelled > 0 ? ` (${cancelled} cancelled)` : results.length < planned ? ` (${planned - results.length} not finished)` : '';
  switch (entry.covered) {
    case 'servers': {
      const untestable = results.filter((r) => r.reason === 'not-testable').length;
      const tested = planned - untestable;
      const note = untestable > 0 ? `; ${untestable} not testable` : '';
      return `${reached} of ${tested} ${tested === 1 ? 'server' : 'servers'} reached on this port${note}${tail}`;
    }
    case 'ntp':
    case 'local':
      return results.map((r) => r.detail).join(' ');
    case undefined: {
      const blocked = results.filter((r) => r.status === 'fail').map((r) => ('port' in r ? r.port : undefined));
      if (blocked.length === 0) return `Open${planned > 1 ? ` (${reached} of ${planned} sample ports)` : ''}${tail}`;
      return `Blocked: ${blocked.join(', ')}${planned > 1 ? ` (${reached} of ${planned} sample ports open)` : ''}${tail}`;
    }
  }
}

export function portListeners(coverage: PortCoverage, results: RunState['results']): Listeners {
  // The local checks ran but do not look at this port (it is only used outbound).
  if (coverage.listeners.length === 0) return coverage.listenersPlanned ? { kind: 'not-watched' } : { kind: 'not-run' };
  const found = resultsOf(coverage.listeners, results);
  if (found.length === 0) return { kind: 'pending' };
  const who = found.flatMap((r) => (r.kind === 'listener' ? describeListener(r.facts) : []));
  return who.length > 0 ? { kind: 'found', who: who.join(', ') } : { kind: 'none' };
}

function describeListener(facts: Record<string, string | number | boolean | null> | undefined): string[] {
  if (!facts) return [];
  const name = facts['program'] ?? facts['name'];
  if (name === undefined || name === null || name === '') return [];
  return [facts['pid'] !== undefined && facts['pid'] !== null ? `${String(name)} (pid ${String(facts['pid'])})` : String(name)];
}
