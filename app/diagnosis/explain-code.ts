// What an error code means, and, after a check, which of its causes the checks confirmed or ruled
// out. Pure: the CLI's `explain` and `check --error`, and the wizard, all read these.
import type { CheckResult } from '../contract/check';
import { builtinErrorCodes, lookupErrorCode } from '../catalog/error-codes';
import type { CauseId, ErrorCodeEntry, ErrorCodes } from '../catalog/error-codes-schema';
import type { Confidence, Finding } from './finding';
import { FINDING_IDS } from './finding';

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

export interface CodeExplanation {
  code: string;
  title: string;
  meaning: string;
  /** Most likely first. */
  causes: { id: CauseId; detail: string; confidence: Confidence }[];
  /** The checks (ids, or prefixes ending in "*") that decide between the causes. */
  checks: string[];
  whenChecksPass: string;
  source: string;
}

/** undefined: a well-formed code that the data does not list. */
export function explainCode(code: string, codes: ErrorCodes = builtinErrorCodes()): CodeExplanation | undefined {
  const entry = lookupErrorCode(code, codes);
  if (!entry) return undefined;
  return {
    code,
    title: entry.title,
    meaning: entry.meaning,
    causes: sortedCauses(entry).map(({ id, detail, confidence }) => ({ id, detail, confidence })),
    checks: [...new Set(entry.causes.flatMap((cause) => cause.checks ?? []))],
    whenChecksPass: entry.whenChecksPass,
    source: entry.source,
  };
}

function sortedCauses(entry: ErrorCodeEntry): ErrorCodeEntry['causes'] {
  return entry.causes
    .map((cause, index) => ({ cause, index }))
    .sort((a, b) => CONFIDENCE_RANK[a.cause.confidence] - CONFIDENCE_RANK[b.cause.confidence] || a.index - b.index)
    .map(({ cause }) => cause);
}

export type CauseStatus = 'confirmed' | 'ruled-out' | 'not-checked';

export interface ErrorVerdict {
  code: string;
  title: string;
  causes: { id: CauseId; status: CauseStatus; checks: string[] }[];
  /** One sentence: which cause it was, or that the network and this computer were ruled out. */
  conclusion: string;
}

export function matchesCheckPattern(pattern: string, id: string): boolean {
  return pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : id === pattern;
}

function isFindingId(id: CauseId): id is Finding['id'] {
  return (FINDING_IDS as readonly string[]).includes(id);
}

/** Reads a finished check against the causes of the code the person saw. */
export function judgeErrorCode(
  code: string,
  checks: readonly CheckResult[],
  findings: readonly Finding[],
  codes: ErrorCodes = builtinErrorCodes(),
): ErrorVerdict {
  const entry = lookupErrorCode(code, codes);
  if (!entry) {
    return {
      code,
      title: 'Unknown error code',
      causes: [],
      conclusion: `Error ${code} is not one Sync Doctor knows, so it cannot say which cause it was; what the check found is above.`,
    };
  }
  const causes = sortedCauses(entry).map((cause) => {
    const patterns = cause.checks ?? [];
    const matching = (id: string) => patterns.some((pattern) => matchesCheckPattern(pattern, id));
    if (!isFindingId(cause.id)) return { id: cause.id, status: 'not-checked' as const, checks: [] };
    const finding = findings.find((candidate) => candidate.id === cause.id);
    const related = finding ? (patterns.length === 0 ? finding.checks : finding.checks.filter(matching)) : [];
    if (finding && related.length > 0) return { id: cause.id, status: 'confirmed' as const, checks: related };
    const decisive = checks.filter((check) => matching(check.id) && check.status !== 'skipped');
    const ruledOut = decisive.length > 0 && decisive.every((check) => check.status === 'ok');
    return {
      id: cause.id,
      status: ruledOut ? ('ruled-out' as const) : ('not-checked' as const),
      checks: decisive.map((check) => check.id),
    };
  });
  return { code, title: entry.title, causes, conclusion: conclusionOf(code, entry, causes, findings) };
}

function conclusionOf(code: string, entry: ErrorCodeEntry, causes: ErrorVerdict['causes'], findings: readonly Finding[]): string {
  const confirmed = causes.filter((cause) => cause.status === 'confirmed');
  if (confirmed.length > 0) {
    const titles = confirmed.map((cause) => findings.find((finding) => finding.id === cause.id)!.title);
    return `Error ${code}: the cause found on this computer is "${titles[0]}"${
      titles.length > 1
        ? `, and also ${titles
            .slice(1)
            .map((title) => `"${title}"`)
            .join(', ')}`
        : ''
    }.`;
  }
  const checkable = causes.filter((cause) => isFindingId(cause.id));
  if (checkable.length > 0 && checkable.every((cause) => cause.status === 'ruled-out')) {
    return `Error ${code}: the network and this computer were ruled out. ${entry.whenChecksPass}`;
  }
  if (checkable.length === 0) return `Error ${code}: ${entry.whenChecksPass}`;
  const unknown = checkable.filter((cause) => cause.status === 'not-checked').length;
  return `Error ${code}: no cause on this computer was confirmed, but ${unknown} of its ${checkable.length} possible causes here could not be ruled out (their checks did not run or did not pass).`;
}
