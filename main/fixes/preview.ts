import { createHash } from 'node:crypto';
import type { CheckResult } from '../../app/contract/check';
import type { Finding } from '../../app/diagnosis/finding';
import type { FixPreview } from '../../app/fixes/preview';
import type { FixDefinition, PreparedFix } from './definition';

/**
 * Identifies exactly what a prepared fix will do (its steps, and what else decides the outcome,
 * such as the hosts file's content). The backup's name carries the time, so it is left out.
 */
export function fingerprintOf(fix: FixDefinition, prepared: PreparedFix): string {
  const steps = prepared.steps.map((step) => (step.kind === 'edit-file' ? { ...step, backup: '' } : step));
  const text = JSON.stringify({
    fix: fix.id,
    steps,
    blocked: prepared.blocked ?? null,
    identity: prepared.identity ?? null,
    admin: prepared.needsAdmin,
  });
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** The checks to run again after a fix for a finding: the fix's own and the finding's evidence, those this run has. */
export function recheckIds(fixes: readonly FixDefinition[], finding: Pick<Finding, 'checks'>, checks: readonly CheckResult[]): string[] {
  const present = new Set(checks.map((check) => check.id));
  const wanted = new Set([...fixes.flatMap((fix) => fix.recheck), ...finding.checks]);
  return checks.filter((check) => wanted.has(check.id) && present.has(check.id)).map((check) => check.id);
}

export function previewOf(
  fix: FixDefinition,
  finding: Pick<Finding, 'id' | 'checks'>,
  prepared: PreparedFix,
  recheck: readonly string[],
): FixPreview {
  return {
    fixId: fix.id,
    findingId: finding.id,
    title: fix.title,
    changes: fix.changes,
    steps: prepared.steps,
    needsAdmin: prepared.needsAdmin,
    undoable: fix.undoable,
    recheck: [...recheck],
    ...(prepared.blocked ? { blocked: prepared.blocked } : {}),
    fingerprint: fingerprintOf(fix, prepared),
  };
}
