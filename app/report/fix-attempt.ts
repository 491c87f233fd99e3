// What the support report needs to know about one fix that was tried. main/fixes records these; this
// is the report's side of that contract, kept as small as the report needs (align there, not here).

import type { CheckStatus } from '../contract/check';
import type { FindingId, FixId } from '../diagnosis/finding';

export const FIX_OUTCOMES = ['fixed', 'still-failing', 'failed', 'cancelled', 'needs-admin'] as const;
export type FixOutcome = (typeof FIX_OUTCOMES)[number];

/** One check run again after a fix: its status before the fix and after it (absent: not run again). */
export interface FixRecheck {
  checkId: string;
  before: CheckStatus;
  after?: CheckStatus;
}

export interface FixAttempt {
  fixId: FixId;
  /** The finding the fix answered. */
  findingId: FindingId;
  /** ISO 8601. */
  startedAt: string;
  /** The exact commands or file changes shown to the person before it ran, one per line. */
  commands: string[];
  outcome: FixOutcome;
  rechecks: FixRecheck[];
}
