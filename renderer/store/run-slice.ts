import type { StateCreator } from 'zustand';
import { assertNever, type CheckResult, type PlannedCheck, type RunEvent, type Summary } from '../../app/contract/check';
import type { Finding } from '../../app/diagnosis/finding';
import { timingsTotalMs } from '../../app/format/timings';

/** Where the current (or last) run stands, as the screens need it. */
type RunPhase = 'idle' | 'starting' | 'running' | 'cancelling' | 'finished' | 'cancelled' | 'start-failed';

/** A run is under way: starting, running or being cancelled. */
export function isActive(phase: RunPhase): boolean {
  return phase === 'starting' || phase === 'running' || phase === 'cancelling';
}

export interface RunState {
  phase: RunPhase;
  runId: string | undefined;
  planned: PlannedCheck[];
  results: Record<string, CheckResult>;
  /** Checks started but not finished. */
  inFlight: Record<string, true>;
  done: number;
  counts: Summary;
  /** The longest finished check so far (sum of its layers), the waterfall's common scale. */
  slowestMs: number;
  /** The diagnosis of the whole run, from run-finished's header; undefined until the run is over. */
  findings: Finding[] | undefined;
  /** Why the run could not start, in words for the user. */
  error: string | undefined;
}

export interface RunSlice {
  run: RunState;
  runStarting(): void;
  runStartConfirmed(runId: string): void;
  runStartFailed(message: string): void;
  runCancelling(): void;
  runEvent(event: RunEvent): void;
}

const EMPTY_COUNTS: Summary = { ok: 0, warn: 0, fail: 0, skipped: 0 };

export const initialRunState: RunState = {
  phase: 'idle',
  runId: undefined,
  planned: [],
  results: {},
  inFlight: {},
  done: 0,
  counts: EMPTY_COUNTS,
  slowestMs: 0,
  findings: undefined,
  error: undefined,
};

/** Pure: what one event does to the run. Events of another run (an old, cancelled one) are ignored. */
export function reduceRunEvent(state: RunState, event: RunEvent): RunState {
  const mine = state.runId === event.runId;
  switch (event.type) {
    case 'run-started':
      // The event can arrive before the answer to startCheck: adopt its id while starting.
      if (!(mine || (state.phase === 'starting' && state.runId === undefined))) return state;
      return {
        ...initialRunState,
        phase: 'running',
        runId: event.runId,
        planned: event.planned,
      };
    case 'check-started':
      if (!mine || state.results[event.checkId]) return state;
      return { ...state, inFlight: { ...state.inFlight, [event.checkId]: true } };
    case 'check-result': {
      if (!mine) return state;
      const id = event.result.id;
      const previous = state.results[id];
      const counts = { ...state.counts, [event.result.status]: state.counts[event.result.status] + 1 };
      if (previous) counts[previous.status] -= 1;
      const { [id]: _finished, ...inFlight } = state.inFlight;
      return {
        ...state,
        results: { ...state.results, [id]: event.result },
        inFlight,
        done: previous ? state.done : state.done + 1,
        counts,
        slowestMs: Math.max(state.slowestMs, totalMs(event.result)),
      };
    }
    case 'run-finished':
      // The results streamed in are the run's results: run-finished says how it ended and what it found.
      if (!mine) return state;
      return { ...state, phase: event.header.cancelled ? 'cancelled' : 'finished', inFlight: {}, findings: event.header.findings ?? [] };
    default:
      return assertNever(event, 'run event');
  }
}

function totalMs(check: CheckResult): number {
  return timingsTotalMs(check.timings) ?? 0;
}

export const createRunSlice: StateCreator<RunSlice, [], [], RunSlice> = (set) => ({
  run: initialRunState,
  // The previous run's rows stay as the layout until the new plan arrives, so nothing jumps.
  runStarting: () => set(({ run }) => ({ run: { ...initialRunState, phase: 'starting', planned: run.planned } })),
  runStartConfirmed: (runId) =>
    set(({ run }) => (run.runId === undefined && run.phase === 'starting' ? { run: { ...run, runId } } : { run })),
  runStartFailed: (message) => set(({ run }) => ({ run: { ...run, phase: 'start-failed', error: message } })),
  runCancelling: () => set(({ run }) => (run.phase === 'running' ? { run: { ...run, phase: 'cancelling' } } : { run })),
  runEvent: (event) =>
    set(({ run }) => {
      const next = reduceRunEvent(run, event);
      return next === run ? { run } : { run: next };
    }),
});
