// The fixes' full record of an attempt (app/fixes/attempt.ts) in the report's own terms: what was
// shown before it ran, how it ended, and each re-checked check before → after.
import type { FixAttempt as Recorded } from '../fixes/attempt';
import type { FixStep } from '../fixes/preview';
import type { FixAttempt, FixOutcome } from './fix-attempt';

function stepLine(step: FixStep): string {
  switch (step.kind) {
    case 'command':
      return step.argv.join(' ');
    case 'edit-file':
      return `${step.file}: ${step.changes.map((change) => `line ${change.line} "${change.before}"${change.after === undefined ? ' removed' : ` → "${change.after}"`}`).join(', ')} (backup ${step.backup})`;
    case 'open-settings':
      return `open ${step.page}`;
    case 'manual':
      return step.text;
  }
}

function outcomeOf(attempt: Recorded): FixOutcome | undefined {
  switch (attempt.outcome.kind) {
    case 'applied':
      return attempt.after.length > 0 && attempt.after.every((check) => check.status === 'ok') ? 'fixed' : 'still-failing';
    case 'failed':
    case 'changed-since-preview':
      return 'failed';
    case 'cancelled':
      return 'cancelled';
    case 'needs-admin':
      return 'needs-admin';
    case 'nothing-to-do':
      return undefined;
  }
}

/** The attempts that changed something or tried to (undo records included), oldest first. */
export function reportFixAttempts(attempts: readonly Recorded[]): FixAttempt[] {
  return attempts.flatMap((attempt) => {
    const outcome = outcomeOf(attempt);
    if (outcome === undefined) return [];
    const after = new Map(attempt.after.map((check) => [check.id, check.status]));
    return [
      {
        fixId: attempt.fixId,
        findingId: attempt.findingId,
        startedAt: attempt.startedAt,
        commands: attempt.steps.map(stepLine),
        outcome,
        rechecks: attempt.before.map((check) => ({
          checkId: check.id,
          before: check.status,
          ...(after.has(check.id) ? { after: after.get(check.id)! } : {}),
        })),
      },
    ];
  });
}

/** The attempts made since a run started: the fixes tried on what that run found. */
export function attemptsSince(startedAt: string | undefined, attempts: readonly Recorded[]): FixAttempt[] {
  return startedAt === undefined ? [] : reportFixAttempts(attempts.filter((attempt) => attempt.startedAt >= startedAt));
}
