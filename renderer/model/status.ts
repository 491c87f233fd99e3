import type { CheckStatus } from '../../app/contract/check';

const RANK: Record<CheckStatus, number> = { fail: 3, warn: 2, ok: 1, skipped: 0 };

export function worstStatus(statuses: readonly CheckStatus[]): CheckStatus {
  return statuses.reduce<CheckStatus>((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'skipped');
}

export const STATUS_LABEL: Record<CheckStatus, string> = { ok: 'OK', warn: 'Warning', fail: 'Problem', skipped: 'Skipped' };

export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '–';
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
