// The parts of a finding's card that are about a fix: the offer, the confirmation showing the
// preview, the work in progress, the result (before → after) and a failure.
import type { KeyboardEvent } from 'react';
import type { FixAttempt } from '../../app/fixes/attempt';
import type { FixOffer, FixPreview } from '../../app/fixes/preview';
import { StatusMark } from '../components/StatusMark';
import { useActions, useAppStore } from '../store/context';
import { StepHeading } from './focus';
import { PreviewSteps } from './PreviewSteps';
import { offerKey } from './slice';

function Facts({ undoable, needsAdmin }: { undoable: boolean; needsAdmin: boolean }) {
  return (
    <ul className="fix-facts">
      <li>
        {undoable
          ? 'Can be undone: Sync Doctor keeps a copy of what it changes.'
          : 'Nothing to undo: it changes no setting you would want back.'}
      </li>
      <li>{needsAdmin ? 'Needs administrator rights: your computer will ask once.' : 'No administrator rights needed.'}</li>
    </ul>
  );
}

/** One fix main offered for the finding: what changes, undo, rights, the exact steps on demand, Fix it. */
export function OfferCard({ offer, disabled }: { offer: FixOffer; disabled: boolean }) {
  const { wizard, loadFixDetails } = useActions();
  const details = useAppStore((s) => s.fixDetails[offerKey(offer.findingId, offer.fixId)]);
  const headingId = `offer-${offer.fixId}`;
  return (
    <section className="fix-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{offer.title}</h2>
      <p>{offer.changes}</p>
      <Facts undoable={offer.undoable} needsAdmin={offer.needsAdmin} />
      <details
        className="fix-details"
        onToggle={(event) => {
          if (event.currentTarget.open) loadFixDetails(offer.findingId, offer.fixId);
        }}
      >
        <summary>Show details</summary>
        {details?.status === 'ready' ? (
          <>
            {details.preview.blocked && <p className="notice notice-warn">{details.preview.blocked}</p>}
            <PreviewSteps steps={details.preview.steps} />
          </>
        ) : details?.status === 'failed' ? (
          <p className="notice notice-fail">{details.message}</p>
        ) : (
          <p className="small muted">Asking for the exact steps…</p>
        )}
      </details>
      <button
        type="button"
        className="button button-primary"
        disabled={disabled}
        onClick={() => wizard({ type: 'fix-it', fixId: offer.fixId })}
      >
        Fix it
      </button>
    </section>
  );
}

/** The confirmation before anything changes: the preview, in full. Escape cancels. */
export function ConfirmPanel({ preview }: { preview: FixPreview }) {
  const { wizard } = useActions();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') wizard({ type: 'cancel-fix' });
  };
  return (
    <section
      className="panel confirm"
      role="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-changes"
      onKeyDown={onKeyDown}
    >
      <StepHeading level={2} target id="confirm-title">
        {preview.title}?
      </StepHeading>
      <p id="confirm-changes">{preview.changes}</p>
      <Facts undoable={preview.undoable} needsAdmin={preview.needsAdmin} />
      <h3>Exactly what it does</h3>
      <PreviewSteps steps={preview.steps} />
      {preview.blocked ? (
        <p className="notice notice-warn">It cannot be done here: {preview.blocked}</p>
      ) : (
        preview.recheck.length > 0 && <p className="small muted">Afterwards, the {preview.recheck.length} affected checks run again.</p>
      )}
      <div className="step-actions">
        {!preview.blocked && (
          <button type="button" className="button button-primary" onClick={() => wizard({ type: 'confirm' })}>
            Yes, fix it
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={() => wizard({ type: 'cancel-fix' })}>
          Cancel
        </button>
      </div>
    </section>
  );
}

/** A request to main is under way (the preview, or the fix and its re-check). */
export function BusyPanel({ title, text }: { title: string; text: string }) {
  return (
    <section className="panel" aria-labelledby="busy-title" aria-busy="true">
      <StepHeading level={2} target id="busy-title">
        {title}
      </StepHeading>
      <p role="status">{text}</p>
    </section>
  );
}

/** The re-checked checks, before and after the fix. */
export function BeforeAfter({ attempt }: { attempt: FixAttempt }) {
  const after = new Map(attempt.after.map((check) => [check.id, check]));
  return (
    <table className="before-after">
      <caption className="visually-hidden">The affected checks before and after the fix</caption>
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {attempt.before.map((check) => {
          const now = after.get(check.id);
          return (
            <tr key={check.id}>
              <th scope="row">{check.title}</th>
              <td>
                <StatusMark mark={check.status} showLabel />
              </td>
              <td>{now ? <StatusMark mark={now.status} showLabel /> : 'Not checked again'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** After a fix: before → after; green asks them to try syncing now. */
export function AppliedPanel({ attempt, passed }: { attempt: FixAttempt; passed: boolean }) {
  const { wizard } = useActions();
  return (
    <section className={`panel ${passed ? 'panel-ok' : 'panel-warn'}`} aria-labelledby="applied-title">
      <StepHeading level={2} target id="applied-title">
        {passed ? 'Fixed: the checks pass now' : 'The change was made, but a check still fails'}
      </StepHeading>
      {attempt.backup && (
        <p className="small muted">
          The previous version is saved as <code>{attempt.backup}</code>.
        </p>
      )}
      <BeforeAfter attempt={attempt} />
      {passed ? (
        <>
          <p className="try-now">Try syncing now. Did it work?</p>
          <div className="step-actions">
            <button type="button" className="button button-primary" onClick={() => wizard({ type: 'it-works' })}>
              It works
            </button>
            <button type="button" className="button button-secondary" onClick={() => wizard({ type: 'still-not-working' })}>
              Still not working
            </button>
          </div>
        </>
      ) : (
        <div className="step-actions">
          <button type="button" className="button button-primary" onClick={() => wizard({ type: 'still-not-working' })}>
            Go on to the next cause
          </button>
        </div>
      )}
    </section>
  );
}

/** A fix that failed or that main refused: why, and what can be done from here. */
export function FailedPanel({ message, retry }: { message: string; retry: FixOffer | undefined }) {
  const { wizard } = useActions();
  return (
    <section className="panel panel-fail" aria-labelledby="failed-title">
      <StepHeading level={2} target id="failed-title">
        The fix did not go through
      </StepHeading>
      <p>{message}</p>
      <div className="step-actions">
        {retry && (
          <button type="button" className="button button-primary" onClick={() => wizard({ type: 'fix-it', fixId: retry.fixId })}>
            Try again
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={() => wizard({ type: 'back' })}>
          Back to the cause
        </button>
      </div>
    </section>
  );
}
