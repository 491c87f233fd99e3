import { useActions, useAppStore } from '../store/context';
import { isActive } from '../store/run-slice';

/** Run / Cancel and the live progress; the button keeps its place and size in every state. */
export function RunControls() {
  const { startRun, cancelRun } = useActions();
  const phase = useAppStore((s) => s.run.phase);
  const done = useAppStore((s) => s.run.done);
  const total = useAppStore((s) => s.run.planned.length);
  const cancelledChecks = useAppStore((s) =>
    s.run.phase === 'cancelled' ? Object.values(s.run.results).filter((r) => r.reason === 'cancelled').length : 0,
  );
  const busy = isActive(phase);
  const progressText =
    phase === 'starting'
      ? 'Starting…'
      : phase === 'cancelling'
        ? `Cancelling… ${done} of ${total} done`
        : busy
          ? `${done} of ${total} checks done`
          : phase === 'idle'
            ? 'Ready'
            : phase === 'cancelled'
              ? `Cancelled after ${done - cancelledChecks} of ${total} checks`
              : phase === 'start-failed'
                ? 'Not started'
                : `${done} of ${total} checks finished`;
  return (
    <div className="run-controls">
      {busy ? (
        <button type="button" className="button button-secondary" onClick={() => void cancelRun()} disabled={phase !== 'running'}>
          {phase === 'cancelling' ? 'Cancelling…' : 'Cancel'}
        </button>
      ) : (
        <button type="button" className="button button-primary" onClick={() => void startRun()}>
          {phase === 'idle' ? 'Run check' : 'Run again'}
        </button>
      )}
      <div className="progress">
        <progress
          aria-label="Checks done"
          max={Math.max(total, 1)}
          value={phase === 'cancelled' ? done - cancelledChecks : phase === 'idle' || phase === 'start-failed' ? 0 : done}
        />
        <span className="progress-text" aria-live="off">
          {progressText}
        </span>
      </div>
    </div>
  );
}
