import type { CheckStatus } from '../../app/contract/check';
import { STATUS_LABEL } from '../model/status';

export type Mark = CheckStatus | 'pending' | 'running' | 'not-run';

const SYMBOL: Record<Mark, string> = { ok: '✓', warn: '!', fail: '✕', skipped: '–', pending: '·', running: '…', 'not-run': '–' };
const LABEL: Record<Mark, string> = { ...STATUS_LABEL, pending: 'Waiting', running: 'Checking', 'not-run': 'Not run' };

/** A status as a symbol and a word: colour is never the only signal. */
export function StatusMark({ mark, showLabel = false }: { mark: Mark; showLabel?: boolean }) {
  return (
    <span className={`mark mark-${mark}`}>
      <span className="mark-symbol" aria-hidden="true">
        {SYMBOL[mark]}
      </span>
      <span className={showLabel ? 'mark-label' : 'visually-hidden'}>{LABEL[mark]}</span>
    </span>
  );
}
