import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { assertNever, type PlannedCheck } from '../../app/contract/check';
import type { ProcessEntry } from '../../app/catalog/schema';
import { StatusMark, type Mark } from '../components/StatusMark';
import {
  expectedProcessRows,
  IMPORTANCE_LABEL,
  missingHelpers,
  processEntryOf,
  processRow,
  type ProcessRow,
  type ProcessState,
} from '../model/processes';
import { useAppStore } from '../store/context';
import { isActive } from '../store/run-slice';
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

function ProcessLine({ row }: { row: ProcessRow }) {
  return (
    <li
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
  );
}

/** One checked helper: subscribed to its own result only, so another helper's result does not re-render it. */
export const ProcessItem = memo(function ProcessItem({ planned, entry }: { planned: PlannedCheck; entry: ProcessEntry | undefined }) {
  const result = useAppStore((s) => s.run.results[planned.id]);
  const active = useAppStore((s) => isActive(s.run.phase));
  const row = useMemo(() => processRow(planned, entry, result, active), [planned, entry, result, active]);
  return <ProcessLine row={row} />;
});

interface PlannedProcess {
  planned: PlannedCheck;
  entry: ProcessEntry | undefined;
}

/** Named up front rather than by re-sorting the list, so rows never move while results stream in. */
function MissingSummary({ checks }: { checks: readonly PlannedProcess[] }) {
  const missing = useAppStore(useShallow((s) => missingHelpers(checks, s.run.results)));
  if (missing.length === 0) return null;
  return (
    <p className="notice notice-fail" role="alert">
      {`${missing.length === 1 ? 'A helper that matters is' : `${missing.length} helpers that matter are`} not running: ${missing.join(', ')}.`}
    </p>
  );
}

const NO_PROCESSES: readonly ProcessEntry[] = [];

export function Processes() {
  const entries = useAppStore((s) => (s.app.status === 'ready' ? s.app.info.catalog.processes : NO_PROCESSES));
  const platform = useAppStore((s) => (s.app.status === 'ready' ? s.app.info.platform : ''));
  const ended = useAppStore((s) => s.run.phase === 'finished' || s.run.phase === 'cancelled');
  // The plan is one array per run: the process checks and their entries are found when it changes.
  const planned = useAppStore((s) => s.run.planned);
  const checks = useMemo(
    () => planned.filter((p) => p.kind === 'process').map((p) => ({ planned: p, entry: processEntryOf(p, entries) })),
    [planned, entries],
  );
  const expected = useMemo(() => expectedProcessRows(entries, platform), [entries, platform]);
  return (
    <section className="screen" aria-labelledby="processes-title">
      <h1 id="processes-title">Processes</h1>
      <p className="lede">The helper programs iTunes, Apple Devices and Finder rely on to see and sync a device.</p>
      <DeviceCard always />
      <h2 className="section-heading">Helper processes</h2>
      {checks.length === 0 ? (
        <>
          <p className="notice notice-neutral" role="note">
            {ended
              ? 'The last run did not check helper processes, so their state is unknown.'
              : 'The helper process check has not run yet.'}
            {platform !== 'win32' && platform !== 'darwin' && platform !== ''
              ? ' These helpers exist only on Windows and macOS; the list shows what each of them needs.'
              : ''}
          </p>
          {expected.length > 0 ? (
            <ul className="process-list">
              {expected.map((row) => (
                <ProcessLine key={row.id} row={row} />
              ))}
            </ul>
          ) : (
            <p className="empty">No helper processes are listed for this system.</p>
          )}
        </>
      ) : (
        <>
          <MissingSummary checks={checks} />
          <ul className="process-list">
            {checks.map(({ planned: p, entry }) => (
              <ProcessItem key={p.id} planned={p} entry={entry} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
