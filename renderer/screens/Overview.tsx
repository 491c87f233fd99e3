import { APPLE_NETWORK_HELP } from '../../app/catalog/source-url';
import { assertNever } from '../../app/contract/check';
import { headline, verdictOf, type Verdict } from '../model/verdict';
import { useMemo } from 'react';
import { useAppStore } from '../store/context';
import type { RunState } from '../store/run-slice';
import { useShallow } from 'zustand/react/shallow';
import { ExternalLink } from '../components/ExternalLink';
import { DeviceCard } from './DeviceCard';
import { ThisComputer } from './ThisComputer';
import { FindingList } from '../components/FindingCard';

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
      return (
        <p>{`${verdict.done} of ${verdict.total} checks finished before you cancelled. What they found is below; run the check again for a full answer.`}</p>
      );
    case 'found':
      return (
        <p>
          {verdict.worst === 'warn'
            ? 'Nothing blocks syncing outright, but these may get in the way.'
            : verdict.findings.filter((finding) => finding.severity === 'fail').length > 1
              ? 'Most likely cause first. Each card says what to do.'
              : 'Here is what is in the way, and what to do about it.'}
        </p>
      );
    case 'healthy':
      return (
        <p>
          Every Apple server answered with a genuine certificate, the ports Apple uses are open, and nothing on this computer is in the way.
          If a device still won't sync, try another cable, unlock the device and tap Trust, and check that it has free storage.
        </p>
      );
    default:
      return assertNever(verdict, 'verdict');
  }
}

const NO_RESULTS: RunState['results'] = {};

/**
 * The verdict, selected narrowly: a started check changes nothing here, and the results and
 * findings are read only once the run has ended (while it runs the verdict is a count).
 */
function useVerdict(): Verdict {
  const phase = useAppStore((s) => s.run.phase);
  const error = useAppStore((s) => s.run.error);
  const done = useAppStore((s) => s.run.done);
  const planned = useAppStore((s) => s.run.planned);
  const results = useAppStore((s) => (s.run.phase === 'finished' || s.run.phase === 'cancelled' ? s.run.results : NO_RESULTS));
  const findings = useAppStore((s) => s.run.findings);
  return useMemo(() => verdictOf({ phase, error, done, planned, results, findings }), [phase, error, done, planned, results, findings]);
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
      {(verdict.kind === 'found' || verdict.kind === 'cancelled' || verdict.kind === 'healthy') && (
        <FindingList findings={verdict.kind === 'healthy' ? verdict.notes : verdict.findings} />
      )}
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
      <DeviceCard />
      <ThisComputer />
      <p className="footnote muted small">
        The servers and ports come from <ExternalLink href={APPLE_NETWORK_HELP}>Apple's list for enterprise networks</ExternalLink>.
      </p>
    </section>
  );
}
