import type { CheckResult, PlannedCheck } from '../../app/contract/check';
import type { RunState } from '../store/run-slice';

export type Verdict =
  | { kind: 'idle' }
  | { kind: 'start-failed'; message: string }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'cancelled'; done: number; total: number }
  | { kind: 'offline' }
  | { kind: 'problems'; intercepted: boolean; problems: string[] }
  | { kind: 'warnings'; problems: string[] }
  | { kind: 'healthy' };

/** Reasons that mean nothing got through at all: no names, no connections. */
const UNREACHED = new Set(['dns-nxdomain', 'dns-timeout', 'dns-failed', 'tcp-timeout', 'tcp-unreachable', 'ntp-no-answer']);

/** What the verdict reads of a run: while it runs, not its results (only how many are in). */
export type VerdictInput = Pick<RunState, 'phase' | 'error' | 'done' | 'planned' | 'results'>;

/** The overview's one-line answer, from what the run found so far. */
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
      return { kind: 'cancelled', done: run.planned.filter((p) => isFinished(run.results[p.id])).length, total: run.planned.length };
    case 'finished':
      return judge(run.planned, run.results);
  }
}

function isFinished(result: CheckResult | undefined): boolean {
  return result !== undefined && result.reason !== 'cancelled';
}

function judge(planned: readonly PlannedCheck[], results: Record<string, CheckResult>): Verdict {
  const checks = planned.map((p) => results[p.id]).filter((r): r is CheckResult => r !== undefined);
  const network = checks.filter((c) => c.group === 'network' && c.status !== 'skipped');
  const failed = checks.filter((c) => c.status === 'fail');
  if (network.length > 0 && network.every((c) => c.status === 'fail' && UNREACHED.has(c.reason))) return { kind: 'offline' };
  if (failed.length > 0) {
    return { kind: 'problems', intercepted: failed.some((c) => c.reason === 'tls-intercepted'), problems: describe(failed) };
  }
  const warned = checks.filter((c) => c.status === 'warn');
  if (warned.length > 0) return { kind: 'warnings', problems: describe(warned) };
  return { kind: 'healthy' };
}

/** One plain sentence per kind of trouble, naming up to three hosts or items. */
function describe(checks: readonly CheckResult[]): string[] {
  const lines: string[] = [];
  const servers = checks.filter((c) => c.kind === 'server');
  const intercepted = servers.filter((c) => c.reason === 'tls-intercepted');
  const blocked = servers.filter((c) => c.reason !== 'tls-intercepted');
  if (intercepted.length > 0) {
    lines.push(
      `Secure connections to ${names(intercepted)} are being intercepted: a security product, proxy or filter replaces Apple's certificate.`,
    );
  }
  if (blocked.length > 0) {
    const hosts = new Set(blocked.map((c) => c.host)).size;
    lines.push(`${count(hosts, 'Apple server')} cannot be used properly: ${names(blocked)}. Servers shows which step failed for each.`);
  }
  const ports = checks.filter((c) => c.kind === 'port');
  if (ports.length > 0)
    lines.push(
      `${count(ports.length, 'port')} Apple uses ${ports.length === 1 ? 'is' : 'are'} blocked or closed: ${ports.map((c) => c.port).join(', ')}.`,
    );
  const time = checks.filter((c) => c.kind === 'ntp' || c.kind === 'clock');
  if (time.length > 0) lines.push(time.map((c) => c.detail).join(' '));
  const local = checks.filter((c) => c.group === 'system' && c.kind !== 'clock');
  if (local.length > 0)
    lines.push(
      `Something on this computer needs attention: ${local
        .slice(0, 3)
        .map((c) => c.title)
        .join(', ')}${local.length > 3 ? ` and ${local.length - 3} more` : ''}.`,
    );
  return lines;
}

function names(checks: readonly CheckResult[]): string {
  const unique = [...new Set(checks.map((c) => ('host' in c && c.host ? c.host : c.title)))];
  const shown = unique.slice(0, 3).join(', ');
  return unique.length > 3 ? `${shown} and ${unique.length - 3} more` : shown;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
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
    case 'offline':
      return { title: 'This computer seems to be offline', tone: 'fail' };
    case 'problems':
      return {
        title: verdict.intercepted ? 'Something is intercepting connections to Apple' : 'This computer cannot reach all of Apple',
        tone: 'fail',
      };
    case 'warnings':
      return { title: 'This computer can reach Apple, with warnings', tone: 'warn' };
    case 'healthy':
      return { title: 'This computer can reach Apple', tone: 'ok' };
  }
}
