import type { Layers, LayerState } from '../../app/contract/check';

const NAMES = ['dns', 'tcp', 'tls', 'http'] as const;
const WORD: Record<LayerState | 'not-applicable' | 'pending', string> = {
  ok: 'ok',
  warn: 'warning',
  fail: 'failed',
  'not-run': 'not reached',
  'not-applicable': 'not used on this port',
  pending: 'waiting',
};
const SYMBOL: Record<LayerState | 'not-applicable' | 'pending', string> = {
  ok: '✓',
  warn: '!',
  fail: '✕',
  'not-run': '–',
  'not-applicable': ' ',
  pending: '·',
};

/** DNS, TCP, TLS, HTTP in order, each with its own state. */
export function LayerChips({ layers }: { layers: Layers | undefined }) {
  return (
    <ul className="layers" aria-label="Layers">
      {NAMES.map((name) => {
        const state = layers ? layers[name] : 'pending';
        return (
          <li
            key={name}
            className={`layer layer-${state}`}
            aria-label={`${name.toUpperCase()} ${WORD[state]}`}
            title={`${name.toUpperCase()}: ${WORD[state]}`}
          >
            <span aria-hidden="true">
              {name.toUpperCase()} {SYMBOL[state]}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
