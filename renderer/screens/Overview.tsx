import { APPLE_NETWORK_HELP } from '../../app/catalog/source-url';
import { assertNever } from '../../app/contract/check';
import { headline, verdictOf, type Verdict } from '../model/verdict';
import { useMemo } from 'react';
import { useAppStore } from '../store/context';
import type { RunState } from '../store/run-slice';
import { useShallow } from 'zustand/react/shallow';
import { ExternalLink } from '../components/ExternalLink';
import { ThisComputer } from './ThisComputer';

function Explanation({ verdict }: { verdict: Verdict }) {
  switch (verdict.kind) {
    case 'idle':
      return (
        <p>
          Run a check to see whether this computer can reach Apple's servers for syncing, updating and restoring an iPhone, iPad or iPod.
        </p>
      );
    case 'start-failed':
      return <p>{verdict.message}</p>;
    case 'running':
      return (
        <p>
          {verdict.total > 0 ? `${verdict.done} of ${verdict.total} checks done. Results appear as they come in.` : 'Preparing the checks…'}
        </p>
      );
    case 'cancelled':
      return <p>{`${verdict.done} of ${verdict.total} checks finished before you cancelled. Run the check again for a full answer.`}</p>;
    case 'offline':
      return (
        <p>
          No Apple server answered and no names could be looked up. Check that this computer is connected to the internet (Wi-Fi or cable),
          then run the check again.
        </p>
      );
    case 'problems':
    case 'warnings':
      return (
        <ul className="problems">
          {verdict.problems.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      );
    case 'healthy':
      return <p>Every Apple server answered with a genuine certificate, and the ports Apple uses are open.</p>;
    default:
      return assertNever(verdict, 'verdict');
  }
}

const NO_RESULTS: RunState['results'] = {};

/**
 * The verdict, selected narrowly: a started check changes nothing here, and the results are read
 * only once the run has ended (while it runs the verdict is a count).
 */
function useVerdict(): Verdict {
  const phase = useAppStore((s) => s.run.phase);
  const error = useAppStore((s) => s.run.error);
  const done = useAppStore((s) => s.run.done);
  const planned = useAppStore((s) => s.run.planned);
  const results = useAppStore((s) => (s.run.phase === 'finished' || s.run.phase === 'cancelled' ? s.run.results : NO_RESULTS));
  return useMemo(() => verdictOf({ phase, error, done, planned, results }), [phase, error, done, planned, results]);
}

export function Overview() {
  const verdict = useVerdict();
  const { title, tone } = headline(verdict);
  const counts = useAppStore(useShallow((s) => s.run.counts));
  const total = useAppStore((s) => s.run.planned.length);
  const waiting = Math.max(0, total - counts.ok - counts.warn - counts.fail - counts.skipped);
  return (
    <section className="screen overview" aria-labelledby="overview-title">
      <div className={`verdict verdict-${tone}`} role="status">
        <h1 id="overview-title">{title}</h1>
        <Explanation verdict={verdict} />
      </div>
      <dl className="counts" aria-label="Counts">
        <div className="count count-ok">
          <dt>Working</dt>
          <dd>{counts.ok}</dd>
        </div>
        <div className="count count-warn">
          <dt>Warnings</dt>
          <dd>{counts.warn}</dd>
        </div>
        <div className="count count-fail">
          <dt>Problems</dt>
          <dd>{counts.fail}</dd>
        </div>
        <div className="count count-skipped">
          <dt>Skipped</dt>
          <dd>{counts.skipped}</dd>
        </div>
        <div className="count count-waiting">
          <dt>Not done</dt>
          <dd>{waiting}</dd>
        </div>
      </dl>
      <ThisComputer />
      <p className="footnote muted small">
        The servers and ports come from <ExternalLink href={APPLE_NETWORK_HELP}>Apple's list for enterprise networks</ExternalLink>.
      </p>
    </section>
  );
}
