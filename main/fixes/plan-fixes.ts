import type { CheckResult } from '../../app/contract/check';
import type { Finding } from '../../app/diagnosis/finding';
import type { CheckSnapshot, FixAttempt } from '../../app/fixes/attempt';
import type { FixPreview } from '../../app/fixes/preview';
import type { FixDefinition, FixEnvironment, FixResult, PreparedFix } from './definition';
import { previewOf, recheckIds } from './preview';
import { fixesFor } from './registry';
import { blockedFix } from './steps';

/** A fix for a finding, planned against the system now, with the preview shown for it. */
export interface PlannedFix {
  fix: FixDefinition;
  prepared: PreparedFix;
  preview: FixPreview;
}

/** Plans a fix (or its undo); a plan that throws becomes a fix that says it could not be planned. */
export async function safePrepare(fix: FixDefinition, env: FixEnvironment, action: 'apply' | 'undo' = 'apply'): Promise<PreparedFix> {
  try {
    if (action === 'undo') return fix.prepareUndo ? await fix.prepareUndo(env) : blockedFix(`"${fix.title}" cannot be undone.`);
    return await fix.prepare(env);
  } catch (error) {
    return blockedFix(`Sync Doctor could not plan this fix: ${(error as Error).message}`, [], 'failed');
  }
}

/** Every fix for the finding on this OS, planned one after another (plans run commands too). */
export async function planFixes(
  finding: Pick<Finding, 'id' | 'fixes' | 'checks'>,
  env: FixEnvironment,
  checks: readonly CheckResult[],
  action: 'apply' | 'undo' = 'apply',
): Promise<PlannedFix[]> {
  const planned: PlannedFix[] = [];
  for (const fix of fixesFor(finding, env.os)) {
    if (action === 'undo' && !fix.undoable) continue;
    const prepared = await safePrepare(fix, env, action);
    planned.push({ fix, prepared, preview: previewOf(fix, finding, prepared, recheckIds([fix], finding, checks)) });
  }
  return planned;
}

/** Applies a prepared fix; a throw (a bug) is recorded as a failure, never lost. */
export async function safeApply(prepared: PreparedFix): Promise<FixResult> {
  try {
    return await prepared.apply();
  } catch (error) {
    return { outcome: { kind: 'failed', why: `the fix stopped with an internal error: ${(error as Error).message}` }, commands: [] };
  }
}

export function attemptOf(
  planned: PlannedFix,
  action: 'apply' | 'undo',
  startedAt: Date,
  finishedAt: Date,
  result: FixResult,
  before: readonly CheckSnapshot[],
  after: readonly CheckSnapshot[],
): FixAttempt {
  return {
    fixId: planned.fix.id,
    findingId: planned.preview.findingId,
    action,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    steps: planned.preview.steps,
    commands: result.commands,
    outcome: result.outcome,
    ...(result.backup ? { backup: result.backup } : {}),
    before: [...before],
    after: [...after],
  };
}
