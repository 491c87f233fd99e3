import type { CSSProperties } from 'react';
import type { Timings } from '../../app/contract/check';
import { timingsTotalMs } from '../../app/format/timings';
import { formatMs } from '../model/status';

const SEGMENTS = [
  ['dnsMs', 'DNS'],
  ['tcpMs', 'TCP'],
  ['tlsMs', 'TLS'],
  ['httpMs', 'HTTP'],
] as const;

/** The smallest scale, so a handful of quick checks do not fill the whole track. */
const MIN_SCALE_MS = 50;

/**
 * The style that sets the scale every waterfall inside shares (the slowest check). It lives on the
 * table, not in each row: when the slowest time grows, the browser resizes the bars and no row
 * re-renders.
 */
export function waterfallScale(slowestMs: number): CSSProperties {
  return { '--waterfall-scale-ms': String(Math.max(slowestMs, MIN_SCALE_MS)) } as CSSProperties;
}

/** The layers' times one after another, on the scale set by waterfallScale on an ancestor. */
export function Waterfall({ timings }: { timings: Timings | undefined }) {
  if (!timings) return <div className="waterfall waterfall-empty" aria-hidden="true" />;
  const parts = SEGMENTS.filter(([key]) => timings[key] !== undefined).map(([key, name]) => ({ name, ms: timings[key] ?? 0 }));
  const label = parts.length > 0 ? parts.map((part) => `${part.name} ${formatMs(part.ms)}`).join(', ') : 'no timings';
  return (
    <div className="waterfall" role="img" aria-label={`Timings: ${label}`} title={label}>
      <div className="waterfall-track">
        {parts.map((part) => (
          <span
            key={part.name}
            className={`segment segment-${part.name.toLowerCase()}`}
            style={{ '--segment-ms': String(part.ms) } as CSSProperties}
          />
        ))}
      </div>
      <span className="waterfall-total">{formatMs(timingsTotalMs(timings))}</span>
    </div>
  );
}
