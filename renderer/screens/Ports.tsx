import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { assertNever } from '../../app/contract/check';
import type { PortEntry } from '../../app/catalog/schema';
import { StatusMark, type Mark } from '../components/StatusMark';
import { portCoverage, portLine, portListeners, portState, type Listeners, type PortCoverage, type PortState } from '../model/ports';
import { useAppStore } from '../store/context';

function markOf(state: PortState): Mark {
  switch (state.kind) {
    case 'not-checked':
      return 'not-run';
    case 'untestable':
      return 'skipped';
    case 'checking':
      return 'running';
    case 'done':
      return state.status;
    default:
      return assertNever(state, 'port state');
  }
}

function ListenerText({ listeners }: { listeners: Listeners }) {
  switch (listeners.kind) {
    case 'not-run':
      return <span className="muted">Not yet run</span>;
    case 'not-watched':
      return <span className="muted">Outbound only</span>;
    case 'pending':
      return <span className="muted">Checking…</span>;
    case 'none':
      return <span>Nothing listening</span>;
    case 'found':
      return <span>{listeners.who}</span>;
    default:
      return assertNever(listeners, 'listeners');
  }
}

/**
 * One port of the source. It selects only what it shows, compared shallowly: another port's
 * result, or a check starting, does not re-render it.
 */
export const PortRow = memo(function PortRow({ entry, coverage }: { entry: PortEntry; coverage: PortCoverage }) {
  const line = useMemo(() => portLine(entry), [entry]);
  const state = useAppStore(useShallow((s) => portState(entry, coverage, s.run)));
  const listeners = useAppStore(useShallow((s) => portListeners(coverage, s.run.results)));
  const mark = markOf(state);
  return (
    <tr className={`row-${mark}`}>
      <td className="cell-status">
        <StatusMark mark={mark} />
      </td>
      <th scope="row" className="cell-port">
        <span className="port-number">{`${line.protocol.toUpperCase()} ${line.ports}`}</span>
      </th>
      <td>
        <span className="port-used">{line.usedBy}</span>
        <span className="muted small">{line.how}</span>
      </td>
      <td className="cell-result">{state.text}</td>
      <td className="cell-listen">
        <ListenerText listeners={listeners} />
      </td>
    </tr>
  );
});

const NO_PORTS: readonly PortEntry[] = [];

export function Ports() {
  const status = useAppStore((s) => s.app.status);
  const entries = useAppStore((s) => (s.app.status === 'ready' ? s.app.info.catalog.ports : NO_PORTS));
  // The plan is one array per run: which checks speak for which port is worked out when it changes.
  const planned = useAppStore((s) => s.run.planned);
  const coverage = useMemo(() => entries.map((entry) => portCoverage(entry, planned)), [entries, planned]);
  if (status !== 'ready') {
    return (
      <section className="screen" aria-labelledby="ports-title">
        <h1 id="ports-title">Ports</h1>
        <p className="empty">{status === 'loading' ? 'Loading the list of ports…' : 'The list of ports could not be loaded.'}</p>
      </section>
    );
  }
  return (
    <section className="screen" aria-labelledby="ports-title">
      <h1 id="ports-title">Ports</h1>
      <p className="lede">The ports Apple lists for its devices and services, and what this computer does with each.</p>
      <div className="table-wrap">
        <table className="ports">
          <caption className="visually-hidden">Ports Apple uses and their status</caption>
          <colgroup>
            <col className="col-status" />
            <col className="col-port" />
            <col className="col-used" />
            <col className="col-result" />
            <col className="col-listen" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Status</span>
              </th>
              <th scope="col">Port</th>
              <th scope="col">Used by</th>
              <th scope="col">Result</th>
              <th scope="col">Listening here</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <PortRow key={entry.id} entry={entry} coverage={coverage[index]!} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
