import type { CheckResult } from '../../app/contract/check';
import type { Finding, ManualSteps } from '../../app/diagnosis/finding';
import type { FixOutcome } from '../../app/fixes/attempt';
import type { FixPreview, FixStep } from '../../app/fixes/preview';
import type { SystemOs } from '../platform/system-os';

/** An argv as a person would type it: arguments with spaces or quotes in double quotes. */
export function showArgv(argv: readonly string[]): string {
  return argv.map((arg) => (arg === '' || /[\s"]/.test(arg) ? `"${arg.replace(/"/g, '\\"')}"` : arg)).join(' ');
}

export function renderStep(step: FixStep): string[] {
  switch (step.kind) {
    case 'command':
      return [`Runs: ${showArgv(step.argv)}`, `      (${step.purpose})`];
    case 'open-settings':
      return [`Opens: ${showArgv(step.argv)}`];
    case 'manual':
      return [step.text];
    case 'edit-file':
      return [
        `Edits ${step.file} in place, after a backup to ${step.backup}:`,
        ...step.changes.map((change) =>
          change.after === undefined
            ? `  - line ${change.line}: ${change.before}`
            : change.before === ''
              ? `  + line ${change.line}: ${change.after}`
              : `  ~ line ${change.line}: ${change.before}  ->  ${change.after}`,
        ),
        `  (${step.purpose})`,
      ];
  }
}

export function renderPreview(preview: FixPreview, index: number, undoCommand: string): string[] {
  const rights = [
    preview.needsAdmin ? 'Needs administrator rights.' : '',
    preview.undoable ? `Can be undone: ${undoCommand}` : 'Nothing to undo afterwards.',
  ].filter(Boolean);
  const lines = [`${index}. ${preview.title} [${preview.fixId}]`, `   ${preview.changes}`];
  if (preview.blocked) {
    lines.push(`   Not applied here: ${preview.blocked}`);
    for (const step of preview.steps.filter((s) => s.kind !== 'manual')) lines.push(...renderStep(step).map((line) => `   ${line}`));
    return lines;
  }
  lines.push(`   ${rights.join(' ')}`);
  for (const step of preview.steps) lines.push(...renderStep(step).map((line) => `   ${line}`));
  if (preview.recheck.length > 0) lines.push(`   Then checks again: ${preview.recheck.join(', ')}`);
  return lines;
}

export function renderFinding(finding: Finding): string[] {
  return [`${finding.id}: ${finding.title}`, `  ${finding.detail}`];
}

export function manualSteps(steps: ManualSteps, os: SystemOs): string[] {
  const list = os === 'windows' ? steps.windows : os === 'mac' ? steps.mac : [];
  return list.map((step, index) => `  ${index + 1}. ${step}`);
}

export function describeOutcome(outcome: FixOutcome): string {
  switch (outcome.kind) {
    case 'applied':
      return 'done';
    case 'nothing-to-do':
      return `nothing to do (${outcome.why})`;
    case 'needs-admin':
      return `not allowed (${outcome.why})`;
    case 'cancelled':
      return 'cancelled';
    case 'changed-since-preview':
      return `stopped: ${outcome.why}`;
    case 'failed':
      return `failed: ${outcome.why}`;
  }
}

const MARK: Record<CheckResult['status'], string> = { ok: 'ok', warn: 'WARN', fail: 'FAIL', skipped: 'skip' };

/** One line per re-checked check: "FAIL dns-redirected -> ok". */
export function renderBeforeAfter(before: readonly CheckResult[], after: readonly CheckResult[]): string[] {
  const width = Math.max(0, ...after.map((check) => check.id.length));
  return after.map((check) => {
    const old = before.find((candidate) => candidate.id === check.id);
    const was = old ? `${MARK[old.status]} ${old.reason}` : 'not checked';
    return `  ${check.id.padEnd(width)}  ${was}  ->  ${MARK[check.status]} ${check.reason}`;
  });
}
