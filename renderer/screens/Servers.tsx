import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/context';
import { ServerRow } from './ServerRow';

export function Servers() {
  const servers = useAppStore(useShallow((s) => s.run.planned.filter((p) => p.kind === 'server')));
  const phase = useAppStore((s) => s.run.phase);
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
        <div className="table-wrap">
          <table className={`servers ${phase === 'running' || phase === 'cancelling' || phase === 'starting' ? 'servers-live' : ''}`}>
            <caption className="visually-hidden">Apple servers and what each layer of the connection did</caption>
            <colgroup>
              <col className="col-status" />
              <col className="col-server" />
              <col className="col-layers" />
              <col className="col-timing" />
              <col className="col-issuer" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Status</span>
                </th>
                <th scope="col">Server</th>
                <th scope="col">Layers</th>
                <th scope="col">Timing</th>
                <th scope="col">Certificate issuer</th>
              </tr>
            </thead>
            <tbody>
              {servers.map((planned) => (
                <ServerRow key={planned.id} planned={planned} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
