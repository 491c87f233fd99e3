import type { CheckResult } from '../contract/check';
import { causesIndex } from './error-index';
import type { Confidence, Finding, FindingSeverity } from './finding';
import { isProblem, type Draft, type RuleContext } from './rule';
import { RULES } from './rules';

const SEVERITY_RANK: Record<FindingSeverity, number> = { fail: 0, warn: 1, info: 2 };
const CONFIDENCE_RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

/**
 * Turns the checks of one run into findings: one per cause, most likely first. Pure and
 * deterministic: the same checks always give the same findings in the same order.
 */
export function diagnose(checks: readonly CheckResult[]): Finding[] {
  const byId = new Map(checks.map((check) => [check.id, check]));
  const claimed = new Set<string>();
  const context: RuleContext = {
    checks,
    byId: (id) => byId.get(id),
    open: () => checks.filter((check) => isProblem(check) && !claimed.has(check.id)),
  };
  const drafts: Draft[] = [];
  for (const rule of RULES) {
    const draft = rule(context);
    if (!draft) continue;
    drafts.push(draft);
    for (const id of draft.checks) claimed.add(id);
  }
  const order = new Map(checks.map((check, index) => [check.id, index]));
  const findings = drafts.map((draft) => complete(draft, byId, order));
  return findings
    .map((finding, index) => ({ finding, index, explained: failedCount(finding, byId) }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
        b.explained - a.explained ||
        CONFIDENCE_RANK[a.finding.confidence] - CONFIDENCE_RANK[b.finding.confidence] ||
        a.index - b.index,
    )
    .map(({ finding }) => finding);
}

function complete(draft: Draft, byId: ReadonlyMap<string, CheckResult>, order: ReadonlyMap<string, number>): Finding {
  const checks = [...new Set(draft.checks)].filter((id) => byId.has(id)).sort((a, b) => order.get(a)! - order.get(b)!);
  const severity = draft.severity ?? (checks.some((id) => byId.get(id)!.status === 'fail') ? 'fail' : 'warn');
  return {
    id: draft.id,
    severity,
    title: draft.title,
    detail: draft.detail,
    confidence: draft.confidence,
    checks,
    errorCodes: causesIndex().codesFor(draft.id),
    symptoms: draft.symptoms,
    fixes: draft.fixes,
    steps: draft.steps,
    subject: draft.subject,
  };
}

function failedCount(finding: Finding, byId: ReadonlyMap<string, CheckResult>): number {
  return finding.checks.filter((id) => byId.get(id)?.status === 'fail').length;
}
