// The record of one fix attempt, for the support report and the wizard's before → after. The
// support report's own minimal type is compatible with this one: this is the full record.

import type { CheckStatus } from '../contract/check';
import type { FindingId, FixId } from '../diagnosis/finding';
import type { FixStep } from './preview';

/** How an attempt ended. A prompt the person cancelled is `cancelled`, never `failed`. */
export type FixOutcome =
  | { kind: 'applied' }
  /** The change was made, but the file or setting read back differently; it was put back. */
  | { kind: 'failed'; why: string }
  | { kind: 'needs-admin'; why: string }
  | { kind: 'cancelled' }
  /** What the preview showed is no longer what would happen: preview again. */
  | { kind: 'changed-since-preview'; why: string }
  /** Nothing to change (already fixed, not applicable here). */
  | { kind: 'nothing-to-do'; why: string };

export type FixOutcomeKind = FixOutcome['kind'];

/** One command the attempt ran, and what it answered (output trimmed and capped). */
export interface CommandRecord {
  argv: string[];
  /** null when it could not start or was stopped. */
  exitCode: number | null;
  output: string;
  elevated: boolean;
}

/** A check as it stood before or after: enough for "before → after" without the full result. */
export interface CheckSnapshot {
  id: string;
  title: string;
  status: CheckStatus;
  reason: string;
}

/** Every fix attempt (apply or undo) is recorded as one of these. */
export interface FixAttempt {
  fixId: FixId;
  findingId: FindingId;
  action: 'apply' | 'undo';
  startedAt: string;
  finishedAt: string;
  /** What was shown before it ran. */
  steps: FixStep[];
  commands: CommandRecord[];
  outcome: FixOutcome;
  /** Where the previous state was saved, when the fix saved one (the hosts file's backup). */
  backup?: string;
  /** The re-checked checks, before and after (after is empty when nothing was changed). */
  before: CheckSnapshot[];
  after: CheckSnapshot[];
}
