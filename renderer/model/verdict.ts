import type { CheckResult } from '../../app/contract/check';
import type { Finding } from '../../app/diagnosis/finding';
import type { RunState } from '../store/run-slice';

export type Verdict =
  | { kind: 'idle' }
  | { kind: 'start-failed'; message: string }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'cancelled'; done: number; total: number; findings: Finding[] }
  | { kind: 'found'; findings: Finding[]; worst: 'fail' | 'warn' }
  | { kind: 'healthy'; notes: Finding[] };

/** What the verdict reads of a run: while it runs, not its results (only how many are in). */
export type VerdictInput = Pick<RunState, 'phase' | 'error' | 'done' | 'planned' | 'results' | 'findings'>;

/**
 * The overview's one-line answer. While checks run it counts them; once the run is over it is the
 * diagnosis the engine sent in run-finished's header (the same findings the CLI prints).
 */
export function verdictOf(run: VerdictInput): Verdict {
  switch (run.phase) {
    case 'idle':
      return { kind: 'idle' };
    case 'start-failed':
      return { kind: 'start-failed', message: run.error ?? 'The check could not start.' };
    case 'starting':
    case 'running':
    case 'cancelling':
      return { kind: 'running', done: run.done, total: run.planned.length };
    case 'cancelled':
      return {
        kind: 'cancelled',
        done: run.planned.filter((p) => isFinished(run.results[p.id])).length,
        total: run.planned.length,
        findings: run.findings ?? [],
      };
    case 'finished':
      return judge(run.findings ?? []);
  }
}

function isFinished(result: CheckResult | undefined): boolean {
  return result !== undefined && result.reason !== 'cancelled';
}

function judge(findings: readonly Finding[]): Verdict {
  const problems = findings.filter((finding) => finding.severity !== 'info');
  if (problems.length === 0) return { kind: 'healthy', notes: [...findings] };
  return { kind: 'found', findings: [...findings], worst: problems.some((finding) => finding.severity === 'fail') ? 'fail' : 'warn' };
}

export function headline(verdict: Verdict): { title: string; tone: 'neutral' | 'ok' | 'warn' | 'fail' | 'busy' } {
  switch (verdict.kind) {
    case 'idle':
      return { title: 'Not checked yet', tone: 'neutral' };
    case 'start-failed':
      return { title: 'The check could not start', tone: 'fail' };
    case 'running':
      return { title: 'Checking…', tone: 'busy' };
    case 'cancelled':
      return { title: 'Check cancelled', tone: 'neutral' };
    case 'found': {
      const count = verdict.findings.filter((finding) => finding.severity === verdict.worst).length;
      const noun = verdict.worst === 'fail' ? 'problem' : 'warning';
      return { title: count === 1 ? `We found a ${noun}` : `We found ${count} ${noun}s`, tone: verdict.worst };
    }
    case 'healthy':
      return { title: 'This computer can reach Apple', tone: 'ok' };
  }
}
