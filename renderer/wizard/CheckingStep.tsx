import { useShallow } from 'zustand/react/shallow';
import { explainCode, matchesCheckPattern } from '../../app/diagnosis/explain-code';
import { StatusMark } from '../components/StatusMark';
import { useCheckProgress } from '../screens/use-check-progress';
import { useActions, useAppStore } from '../store/context';
import { StepHeading } from './focus';
import type { WizardState } from './state';

type Checking = Extract<WizardState, { step: 'checking' }>;

function DecidingCheck({ id, title }: { id: string; title: string }) {
  const { mark, detail } = useCheckProgress(id);
  return (
    <li className={`deciding-check row-${mark}`}>
      <StatusMark mark={mark} />
      <div>
        <span className="evidence-title">{title}</span>
        <span className="evidence-detail">{detail}</span>
      </div>
    </li>
  );
}

/** The planned checks that decide the causes of the code, first, with their live status. */
function DecidingChecks({ code }: { code: string }) {
  const patterns = explainCode(code)?.checks ?? [];
  const deciding = useAppStore(
    useShallow((s) => s.run.planned.filter((check) => patterns.some((pattern) => matchesCheckPattern(pattern, check.id)))),
  );
  if (deciding.length === 0) return null;
  return (
    <section className="deciding" aria-labelledby="deciding-title">
      <h2 id="deciding-title">The checks that decide error {code}</h2>
      <ul className="deciding-list">
        {deciding.map((check) => (
          <DecidingCheck key={check.id} id={check.id} title={check.title} />
        ))}
      </ul>
    </section>
  );
}

/** Step 2: the checks run, with live progress; Cancel keeps what was found so far. */
export function CheckingStep({ state }: { state: Checking }) {
  const { wizard, cancelRun } = useActions();
  const phase = useAppStore((s) => s.run.phase);
  const done = useAppStore((s) => s.run.done);
  const total = useAppStore((s) => s.run.planned.length);
  const problems = useAppStore((s) => s.run.counts.fail);
  const text =
    phase === 'starting' || total === 0
      ? 'Starting the checks…'
      : phase === 'cancelling'
        ? `Cancelling… ${done} of ${total} checks done`
        : `${done} of ${total} checks done`;
  return (
    <>
      <StepHeading target>Checking the network and this computer</StepHeading>
      <p className="lede">This takes a few seconds. Cancel keeps everything found so far.</p>
      <div className="wizard-progress">
        <progress aria-label="Checks done" max={Math.max(total, 1)} value={done} />
        <p className="progress-text" role="status" aria-live="polite">
          {text}
          {problems > 0 ? ` · ${problems} ${problems === 1 ? 'problem' : 'problems'} so far` : ''}
        </p>
      </div>
      {state.code !== undefined && <DecidingChecks code={state.code} />}
      <div className="step-actions">
        <button type="button" className="button button-primary" onClick={() => void cancelRun()} disabled={phase !== 'running'}>
          {phase === 'cancelling' ? 'Cancelling…' : 'Cancel'}
        </button>
        <button type="button" className="button button-secondary" onClick={() => wizard({ type: 'back' })}>
          Back
        </button>
      </div>
    </>
  );
}
