import { assertNever } from '../../app/contract/check';
import { explainCode } from '../../app/diagnosis/explain-code';
import type { FixAttempt } from '../../app/fixes/attempt';
import { useActions, useAppStore } from '../store/context';
import { StepHeading } from './focus';
import { BeforeAfter } from './FixPanels';
import type { WizardState } from './state';
import { ELSEWHERE } from './words';

type End = Extract<WizardState, { step: 'end' }>;

/** What the fixes did, each with its before → after. */
function Done({ attempts }: { attempts: readonly FixAttempt[] }) {
  const offers = useAppStore((s) => (s.fixOffers.status === 'ready' ? s.fixOffers.offers : undefined));
  const applied = attempts.filter((attempt) => attempt.outcome.kind === 'applied');
  if (applied.length === 0) return null;
  return (
    <section className="end-section" aria-labelledby="done-title">
      <h2 id="done-title">What was done</h2>
      {applied.map((attempt) => (
        <div key={attempt.startedAt} className="done-item">
          <p>
            <strong>{offers?.find((offer) => offer.fixId === attempt.fixId)?.title ?? attempt.fixId}</strong>
            {attempt.backup ? (
              <>
                {' '}
                (the previous version is saved as <code>{attempt.backup}</code>)
              </>
            ) : null}
          </p>
          {attempt.before.length > 0 && <BeforeAfter attempt={attempt} />}
        </div>
      ))}
    </section>
  );
}

function Left({ state }: { state: End }) {
  if (state.left.length === 0) return null;
  return (
    <section className="end-section" aria-labelledby="left-title">
      <h2 id="left-title">{state.result === 'fixed' ? 'Also found' : 'Not solved yet'}</h2>
      <ul className="left-list">
        {state.left.map((finding) => (
          <li key={finding.id}>
            <strong>{finding.title}</strong>
            <span className="evidence-detail">{finding.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `code`: the code's meaning when every check passed; only said after a full check. */
function Elsewhere({ code }: { code: string | undefined }) {
  const explained = code === undefined ? undefined : explainCode(code);
  return (
    <section className="end-section" aria-labelledby="elsewhere-title">
      <h2 id="elsewhere-title">What else it could be</h2>
      {explained && (
        <p>
          Error {explained.code}: {explained.whenChecksPass}
        </p>
      )}
      <ul className="elsewhere">
        {ELSEWHERE.map((item) => (
          <li key={item.title}>
            <strong>{item.title}.</strong> {item.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Headline({ state }: { state: End }) {
  switch (state.result) {
    case 'fixed':
      return (
        <>
          <StepHeading target>Fixed</StepHeading>
          <p className="lede">Good: it works again. Here is what Sync Doctor changed.</p>
        </>
      );
    case 'left':
      return (
        <>
          <StepHeading target>Here is what is left</StepHeading>
          <p className="lede">These causes are still there. The other screens show every check in detail.</p>
        </>
      );
    case 'clear':
      return state.partial ? (
        <>
          <StepHeading target>Nothing found before you cancelled</StepHeading>
          <p className="lede">The checks that ran found nothing in the way, but not every check ran.</p>
        </>
      ) : (
        <>
          <StepHeading target>The network and this computer look fine</StepHeading>
          <p className="lede">
            Every check that ran found nothing in the way: Apple's servers answer, and nothing on this computer blocks them.
          </p>
        </>
      );
    default:
      return assertNever(state.result, 'wizard result');
  }
}

/**
 * The support report from here: Save opens the Report screen with this error code filled in, so
 * the person sees exactly what will be saved; Copy puts the Markdown (personal details hidden) on
 * the clipboard at once.
 */
function ForSupport({ code }: { code: string | undefined }) {
  const { copyReportForForum } = useActions();
  const showScreen = useAppStore((s) => s.showScreen);
  const choose = useAppStore((s) => s.reportChoicesChanged);
  const task = useAppStore((s) => s.supportReport.task);
  const withCode = () => choose({ errorCode: code ?? '' });
  return (
    <section className="end-section" aria-labelledby="support-title">
      <h2 id="support-title">Ask for help</h2>
      <p>
        A report of what was checked and found, for Apple Support, your IT desk or a forum. Names, serial numbers and addresses are hidden
        unless you choose to include them.
      </p>
      <div className="step-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            withCode();
            showScreen('report');
          }}
        >
          Save a report for support…
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={task.status === 'busy'}
          onClick={() => {
            withCode();
            void copyReportForForum();
          }}
        >
          Copy for a forum post
        </button>
      </div>
      <p className="small muted" aria-live="polite">
        {task.status === 'done' || task.status === 'failed' ? task.message : ''}
      </p>
    </section>
  );
}

/** Step 5: fixed, or what is left; with nothing found, what else it could be. */
export function EndStep({ state }: { state: End }) {
  const { wizard } = useActions();
  const showScreen = useAppStore((s) => s.showScreen);
  return (
    <>
      <Headline state={state} />
      {state.partial && (
        <p className="notice notice-warn">
          The check was cancelled before it finished, so this is not the full answer: start over to check everything.
        </p>
      )}
      <Done attempts={state.attempts} />
      <Left state={state} />
      {state.result === 'clear' && <Elsewhere code={state.partial ? undefined : state.code} />}
      {state.result !== 'fixed' && <ForSupport code={state.code} />}
      <div className="step-actions step-nav">
        <button type="button" className="button button-primary" onClick={() => wizard({ type: 'restart' })}>
          Start over
        </button>
        <button type="button" className="button button-secondary" onClick={() => wizard({ type: 'back' })}>
          Back
        </button>
        <button type="button" className="button button-secondary" onClick={() => showScreen('overview')}>
          See every check
        </button>
      </div>
    </>
  );
}
