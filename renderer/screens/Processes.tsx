import { assertNever } from '../../app/contract/check';
import { StatusMark, type Mark } from '../components/StatusMark';
import { IMPORTANCE_LABEL, processView, type ProcessRow, type ProcessState } from '../model/processes';
import { useAppStore } from '../store/context';
import { DeviceCard } from './DeviceCard';

const STATE_TEXT: Record<ProcessState, string> = {
  'not-checked': 'Not checked yet',
  checking: 'Checking…',
  present: 'Running',
  missing: 'Missing',
  'not-applicable': 'Not applicable here',
  unknown: 'Could not tell',
};

function markOf(row: ProcessRow): Mark {
  switch (row.state) {
    case 'not-checked':
    case 'not-applicable':
      return 'not-run';
    case 'checking':
      return 'running';
    case 'present':
      return 'ok';
    case 'missing':
      return row.matters ? 'fail' : 'warn';
    case 'unknown':
      return 'warn';
    default:
      return assertNever(row.state, 'process state');
  }
}

function Rows({ rows }: { rows: ProcessRow[] }) {
  return (
    <ul className="process-list">
      {rows.map((row) => (
        <li
          key={row.id}
          className={`process ${row.matters ? 'process-matters' : ''} row-${markOf(row)}`}
          aria-label={`${row.name}: ${STATE_TEXT[row.state]}`}
        >
          <StatusMark mark={markOf(row)} />
          <div className="process-main">
            <span className="process-name">{row.name}</span>
            <span className="process-role">{row.role}</span>
            {row.detail && row.state !== 'present' ? <span className="process-detail">{row.detail}</span> : null}
          </div>
          <div className="process-side">
            <span className="process-state">
              {STATE_TEXT[row.state]}
              {row.pid !== undefined ? ` (pid ${row.pid})` : ''}
            </span>
            {row.importance ? <span className="muted small">{IMPORTANCE_LABEL[row.importance]}</span> : null}
            {row.matters ? <strong className="process-flag">Needed: start or reinstall it</strong> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Named up front rather than by re-sorting the list, so rows never move while results stream in. */
function MissingSummary({ rows }: { rows: ProcessRow[] }) {
  const missing = rows.filter((row) => row.matters);
  if (missing.length === 0) return null;
  return (
    <p className="notice notice-fail" role="alert">
      {`${missing.length === 1 ? 'A helper that matters is' : `${missing.length} helpers that matter are`} not running: ${missing.map((row) => row.name).join(', ')}.`}
    </p>
  );
}

export function Processes() {
  const app = useAppStore((s) => s.app);
  const run = useAppStore((s) => s.run);
  const entries = app.status === 'ready' ? app.info.catalog.processes : [];
  const platform = app.status === 'ready' ? app.info.platform : '';
  const view = processView(entries, platform, run);
  return (
    <section className="screen" aria-labelledby="processes-title">
      <h1 id="processes-title">Processes</h1>
      <p className="lede">The helper programs iTunes, Apple Devices and Finder rely on to see and sync a device.</p>
      <DeviceCard always />
      <h2 className="section-heading">Helper processes</h2>
      {view.kind === 'not-run' ? (
        <>
          <p className="notice notice-neutral" role="note">
            {view.ranInThisRun
              ? 'The last run did not check helper processes, so their state is unknown.'
              : 'The helper process check has not run yet.'}
            {platform !== 'win32' && platform !== 'darwin' && platform !== ''
              ? ' These helpers exist only on Windows and macOS; the list shows what each of them needs.'
              : ''}
          </p>
          {view.expected.length > 0 ? (
            <Rows rows={view.expected} />
          ) : (
            <p className="empty">No helper processes are listed for this system.</p>
          )}
        </>
      ) : (
        <>
          <MissingSummary rows={view.rows} />
          <Rows rows={view.rows} />
        </>
      )}
    </section>
  );
}
