import { useMemo } from 'react';
import { useAppStore } from '../store/context';
import { isActive } from '../store/run-slice';
import { useProgressiveCount } from '../components/use-progressive-count';
import { waterfallScale } from '../components/Waterfall';
import { ServerRow } from './ServerRow';

/** Rows mounted per task: about one frame's worth of work. */
const ROWS_PER_TASK = 12;
/** The height a row not yet mounted takes (matches contain-intrinsic-size in app.css). */
const ROW_ESTIMATE_PX = 104;

export function Servers() {
  // The plan is one array per run: select it as is and filter only when it changes.
  const planned = useAppStore((s) => s.run.planned);
  const servers = useMemo(() => planned.filter((p) => p.kind === 'server'), [planned]);
  const phase = useAppStore((s) => s.run.phase);
  const slowestMs = useAppStore((s) => s.run.slowestMs);
  const shown = useProgressiveCount(servers.length, ROWS_PER_TASK);
  return (
    <section className="screen" aria-labelledby="servers-title">
      <h1 id="servers-title">Servers</h1>
      {servers.length === 0 ? (
        <p className="empty">
          {phase === 'starting'
            ? 'Preparing the list of servers…'
            : "No check has run yet. Run a check to test each of Apple's servers: name lookup (DNS), connection (TCP), certificate (TLS) and answer (HTTP)."}
        </p>
      ) : (
        // A grid of ARIA rows rather than a <table>: each row is its own layout island
        // (content-visibility), so a result arriving re-lays out one row, not all of them.
        <div
          role="table"
          aria-label="Apple servers and what each layer of the connection did"
          className={isActive(phase) ? 'table-wrap servers-live' : 'table-wrap'}
          style={waterfallScale(slowestMs)}
        >
          <div role="rowgroup">
            <div role="row" className="server-head">
              <span role="columnheader">
                <span className="visually-hidden">Status</span>
              </span>
              <span role="columnheader">Server</span>
              <span role="columnheader">Layers</span>
              <span role="columnheader" className="cell-timing">
                Timing
              </span>
              <span role="columnheader" className="cell-issuer">
                Certificate issuer
              </span>
            </div>
          </div>
          <div role="rowgroup">
            {servers.slice(0, shown).map((planned) => (
              <ServerRow key={planned.id} planned={planned} />
            ))}
            {shown < servers.length ? (
              <div aria-hidden="true" style={{ height: `${(servers.length - shown) * ROW_ESTIMATE_PX}px` }} />
            ) : null}
          </div>
        </div>
      )}
    </section>
  );
}
