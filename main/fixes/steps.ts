import type { CommandRecord } from '../../app/fixes/attempt';
import type { FixStep } from '../../app/fixes/preview';
import type { CommandOutcome, RunCommand } from '../platform/exec';
import type { CommandPath } from './commands';
import type { FixResult, PreparedFix } from './definition';

/** A command a fix will run; `judge` says whether its answer means it worked. */
export interface PlannedCommand {
  argv: string[];
  purpose: string;
  judge?: (ran: Extract<CommandOutcome, { kind: 'ran' }>) => StepVerdict;
  timeoutMs?: number;
}

export type StepVerdict = { kind: 'ok' } | { kind: 'needs-admin'; why: string } | { kind: 'failed'; why: string };

const MAX_OUTPUT = 2000;

/** Access refused, in the words (and codes) Windows, macOS and Linux commands use. */
const DENIED =
  /access is denied|accès refusé|zugriff verweigert|acceso denegado|0x80070005|\b(?:failed|error|fehler|erreur)\D{0,12}\b5\b|operation not permitted|permission denied|must be (?:run as )?root|requires? (?:root|administrator)/i;

export function defaultJudge(ran: Extract<CommandOutcome, { kind: 'ran' }>): StepVerdict {
  if (ran.exitCode === 0) return { kind: 'ok' };
  const text = `${ran.stdout}\n${ran.stderr}`;
  if (DENIED.test(text)) return { kind: 'needs-admin', why: `${outputOf(ran) || 'access denied'}` };
  return { kind: 'failed', why: `exit ${ran.exitCode}${outputOf(ran) ? `: ${outputOf(ran)}` : ''}` };
}

export function outputOf(ran: { stdout: string; stderr: string }): string {
  const text = `${ran.stdout}\n${ran.stderr}`
    .replace(/\r/g, '')
    .replace(/\n{2,}/g, '\n')
    .trim();
  return text.length > MAX_OUTPUT ? `${text.slice(0, MAX_OUTPUT)}…` : text;
}

/** The preview step for a planned command. */
export function commandStep(command: PlannedCommand): FixStep {
  return { kind: 'command', argv: command.argv, purpose: command.purpose };
}

/**
 * Runs the commands one after another, stopping at the first that does not work. Never throws;
 * every command is recorded, including the one that failed.
 */
export async function runPlanned(commands: readonly PlannedCommand[], run: RunCommand, signal: AbortSignal): Promise<FixResult> {
  const records: CommandRecord[] = [];
  for (const command of commands) {
    const [file, ...args] = command.argv;
    const outcome = await run(file!, args, { signal, timeoutMs: command.timeoutMs ?? 60_000 });
    if (outcome.kind !== 'ran') {
      records.push({
        argv: command.argv,
        exitCode: null,
        output: outcome.kind === 'cannot-run' ? outcome.why : outcome.kind,
        elevated: false,
      });
      if (outcome.kind === 'cancelled') return { outcome: { kind: 'cancelled' }, commands: records };
      const why = outcome.kind === 'timeout' ? `${file} did not finish in time` : outcome.why;
      return { outcome: { kind: 'failed', why }, commands: records };
    }
    records.push({ argv: command.argv, exitCode: outcome.exitCode, output: outputOf(outcome), elevated: false });
    const verdict = (command.judge ?? defaultJudge)(outcome);
    if (verdict.kind !== 'ok') return { outcome: verdict, commands: records };
  }
  return { outcome: { kind: 'applied' }, commands: records };
}

/** A prepared fix that runs these commands. */
export function commandFix(
  commands: readonly PlannedCommand[],
  needsAdmin: boolean,
  run: RunCommand,
  signal: AbortSignal,
  extra: FixStep[] = [],
): PreparedFix {
  return {
    steps: [...commands.map(commandStep), ...extra],
    needsAdmin,
    apply: () => runPlanned(commands, run, signal),
  };
}

/**
 * A prepared fix that changes nothing and says why: there is nothing to do (`nothing-to-do`), or
 * something stands in the way that the person must look at first (`failed`).
 */
export function blockedFix(why: string, steps: FixStep[] = [], kind: 'nothing-to-do' | 'failed' = 'nothing-to-do'): PreparedFix {
  return {
    steps,
    needsAdmin: false,
    blocked: why,
    apply: () => Promise.resolve({ outcome: { kind, why }, commands: [] }),
  };
}

/** The path of a command, or a blocked fix saying why it cannot be found. */
export function pathOr(found: CommandPath): string | PreparedFix {
  return found.ok ? found.path : blockedFix(`Cannot run here: ${found.why}.`);
}
