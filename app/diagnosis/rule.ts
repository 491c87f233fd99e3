// What a diagnosis rule is: it looks at the checks no earlier rule has explained and proposes at
// most one finding. Rules run in a fixed order (rules/index.ts), so a root cause claims its
// evidence before a symptom of it can: a proxy that is down explains the failures behind it, a
// wrong clock explains the "expired" certificates it causes.
import type { CheckResult } from '../contract/check';
import type { Finding } from './finding';

export type Draft = Omit<Finding, 'errorCodes' | 'severity'> & {
  /** Default: 'fail' when any evidence check failed, else 'warn'. */
  severity?: Finding['severity'];
};

export interface RuleContext {
  /** Every check of the report, in report order. */
  readonly checks: readonly CheckResult[];
  byId(id: string): CheckResult | undefined;
  /** Checks that failed or warned and that no earlier finding explains yet, in report order. */
  open(): CheckResult[];
}

export type Rule = (context: RuleContext) => Draft | undefined;

export function isProblem(check: CheckResult): boolean {
  return check.status === 'fail' || check.status === 'warn';
}
