import { assertNever } from '../../app/contract/check';
import { StatusMark, type Mark } from '../components/StatusMark';
import { portRows, type Listeners, type PortState } from '../model/ports';
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
      return <span>{listeners.who.join(', ')}</span>;
    default:
      return assertNever(listeners, 'listeners');
  }
}

export function Ports() {
  const app = useAppStore((s) => s.app);
  const run = useAppStore((s) => s.run);
  if (app.status !== 'ready') {
    return (
      <section className="screen" aria-labelledby="ports-title">
        <h1 id="ports-title">Ports</h1>
        <p className="empty">{app.status === 'loading' ? 'Loading the list of ports…' : 'The list of ports could not be loaded.'}</p>
      </section>
    );
  }
  const rows = portRows(app.info.catalog.ports, run);
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
            {rows.map((row) => (
              <tr key={row.id} className={`row-${markOf(row.state)}`}>
                <td className="cell-status">
                  <StatusMark mark={markOf(row.state)} />
                </td>
                <th scope="row" className="cell-port">
                  <span className="port-number">{`${row.protocol.toUpperCase()} ${row.ports}`}</span>
                </th>
                <td>
                  <span className="port-used">{row.usedBy}</span>
                  <span className="muted small">{row.how}</span>
                </td>
                <td className="cell-result">{row.state.text}</td>
                <td className="cell-listen">
                  <ListenerText listeners={row.listeners} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
