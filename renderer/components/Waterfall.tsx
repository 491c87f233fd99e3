import type { Timings } from '../../app/contract/check';
import { timingsTotalMs } from '../../app/format/timings';
import { formatMs } from '../model/status';

const SEGMENTS = [
  ['dnsMs', 'DNS'],
  ['tcpMs', 'TCP'],
  ['tlsMs', 'TLS'],
  ['httpMs', 'HTTP'],
] as const;

/** The layers' times one after another, on a scale shared by every row (the slowest check). */
export function Waterfall({ timings, scaleMs }: { timings: Timings | undefined; scaleMs: number }) {
  if (!timings) return <div className="waterfall waterfall-empty" aria-hidden="true" />;
  const parts = SEGMENTS.filter(([key]) => timings[key] !== undefined).map(([key, name]) => ({ name, ms: timings[key] ?? 0 }));
  const scale = Math.max(scaleMs, 50);
  const label = parts.length > 0 ? parts.map((part) => `${part.name} ${formatMs(part.ms)}`).join(', ') : 'no timings';
  return (
    <div className="waterfall" role="img" aria-label={`Timings: ${label}`} title={label}>
      <div className="waterfall-track">
        {parts.map((part) => (
          <span key={part.name} className={`segment segment-${part.name.toLowerCase()}`} style={{ width: `${(part.ms / scale) * 100}%` }} />
        ))}
      </div>
      <span className="waterfall-total">{formatMs(timingsTotalMs(timings))}</span>
    </div>
  );
}
