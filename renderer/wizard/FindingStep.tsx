import { useShallow } from 'zustand/react/shallow';
import { assertNever } from '../../app/contract/check';
import type { Finding } from '../../app/diagnosis/finding';
import type { FixOffer } from '../../app/fixes/preview';
import { CONFIDENCE_WORDS, Evidence, useStepsKey } from '../components/FindingCard';
import { StatusMark } from '../components/StatusMark';
import { useActions, useAppStore } from '../store/context';
import { StepHeading } from './focus';
import { AppliedPanel, BusyPanel, ConfirmPanel, FailedPanel, OfferCard } from './FixPanels';
import { offersFor } from './slice';
import type { CardState, WizardState } from './state';

type FindingView = Extract<WizardState, { step: 'finding' }>;

/** What the checks named: the product, the certificate issuer, the hosts. */
function Found({ finding }: { finding: Finding }) {
  const { products = [], issuers = [] } = finding.subject;
  const named = [...new Set([...products, ...issuers])];
  if (named.length === 0) return null;
  return (
    <p className="found">
      Found on this computer or network: <strong>{named.join(', ')}</strong>
    </p>
  );
}

/** "Show me how": the steps for this system, naming what was found, and the settings page to open. */
function HowPanel({ finding, guidance, notice }: { finding: Finding; guidance: FixOffer[]; notice: string | undefined }) {
  const { wizard, openSettings } = useActions();
  const steps = finding.steps[useStepsKey()];
  return (
    <section className="panel" aria-labelledby="how-title">
      <StepHeading level={2} target id="how-title">
        How to fix it yourself
      </StepHeading>
      <Found finding={finding} />
      {steps.length > 0 ? (
        <ol className="how-steps">
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      ) : (
        <p>There are no steps to follow on this computer for this cause.</p>
      )}
      {guidance.map((offer) => (
        <button
          key={offer.fixId}
          type="button"
          className="button button-secondary"
          onClick={() => openSettings(offer.findingId, offer.fixId)}
        >
          {offer.title}
        </button>
      ))}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <p className="try-now">Once you have done this, try syncing again.</p>
      <div className="step-actions">
        <button type="button" className="button button-primary" onClick={() => wizard({ type: 'still-not-working' })}>
          Still not working
        </button>
        <button type="button" className="button button-secondary" onClick={() => wizard({ type: 'hide-how' })}>
          Back to the cause
        </button>
      </div>
    </section>
  );
}

function OffersStatus() {
  const offers = useAppStore((s) => s.fixOffers);
  if (offers.status === 'loading') return <p className="small muted">Looking for a safe fix…</p>;
  if (offers.status === 'failed') return <p className="notice notice-warn">No fix can be offered right now: {offers.message}</p>;
  return null;
}

function Card({ card, finding, fixes, guidance }: { card: CardState; finding: Finding; fixes: FixOffer[]; guidance: FixOffer[] }) {
  const { wizard } = useActions();
  switch (card.kind) {
    case 'reading':
      return (
        <>
          {card.notice && (
            <p className="notice" role="status">
              {card.notice}
            </p>
          )}
          <OffersStatus />
          {fixes.map((offer) => (
            <OfferCard key={offer.fixId} offer={offer} disabled={false} />
          ))}
          <div className="step-actions">
            <button type="button" className="button button-secondary" onClick={() => wizard({ type: 'show-how' })}>
              Show me how
            </button>
            <button type="button" className="button button-secondary" onClick={() => wizard({ type: 'skip' })}>
              Skip
            </button>
          </div>
        </>
      );
    case 'how':
      return <HowPanel finding={finding} guidance={guidance} notice={card.notice} />;
    case 'previewing':
      return <BusyPanel title="Preparing the fix…" text="Sync Doctor is working out exactly what it would change. Nothing changes yet." />;
    case 'confirming':
      return <ConfirmPanel preview={card.preview} />;
    case 'applying':
      return (
        <BusyPanel
          title={`${card.preview.title}…`}
          text={
            card.preview.needsAdmin
              ? 'Your computer may ask for an administrator password. Then the affected checks run again.'
              : 'Then the affected checks run again.'
          }
        />
      );
    case 'applied':
      return <AppliedPanel attempt={card.attempt} passed={card.passed} />;
    case 'fix-failed':
      return <FailedPanel message={card.message} retry={fixes.find((offer) => offer.fixId === card.attempt?.fixId) ?? fixes[0]} />;
    default:
      return assertNever(card, 'card');
  }
}

/** Step 3: one cause at a time, most likely first, with its fix or its manual steps. */
export function FindingStep({ state }: { state: FindingView }) {
  const { wizard } = useActions();
  const finding = state.queue[state.index];
  const offers = useAppStore(useShallow((s) => (finding ? offersFor(s.fixOffers, finding.id) : [])));
  if (!finding) return null;
  const fixes = offers.filter((offer) => !offer.guidance);
  const guidance = offers.filter((offer) => offer.guidance);
  const busy = state.card.kind === 'applying' || state.card.kind === 'previewing';
  return (
    <>
      <p className="step-count small muted">
        Cause {state.index + 1} of {state.queue.length}
      </p>
      {state.partial && <p className="notice notice-warn">The check was cancelled before it finished: this is what it found so far.</p>}
      <article className={`wizard-finding finding-${finding.severity}`} aria-labelledby="finding-title">
        <div className="finding-head">
          <StatusMark mark={finding.severity === 'info' ? 'skipped' : finding.severity} />
          <StepHeading target={state.card.kind === 'reading'} id="finding-title">
            {finding.title}
          </StepHeading>
        </div>
        <p className="finding-detail">{finding.detail}</p>
        <p className="finding-confidence small muted">How sure: {CONFIDENCE_WORDS[finding.confidence]}</p>
        {finding.checks.length > 0 && <Evidence ids={finding.checks} />}
      </article>
      <Card card={state.card} finding={finding} fixes={fixes} guidance={guidance} />
      <div className="step-actions step-nav">
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => wizard({ type: 'back' })}>
          Back
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => wizard({ type: 'restart' })}>
          Start over
        </button>
      </div>
    </>
  );
}
