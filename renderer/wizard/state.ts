// The "Fix my sync" wizard as data: every step is a case of one union, and `advance` is the only
// way from one to the next. Pure, so every transition is tested without a screen; the screen
// (Wizard.tsx) renders the state and sends events, and the effects (start a run, ask main for a
// preview, apply a fix) live in wizard/effects.ts.
import { assertNever } from '../../app/contract/check';
import type { Finding, Symptom } from '../../app/diagnosis/finding';
import type { FixAttempt } from '../../app/fixes/attempt';
import type { FixPreview } from '../../app/fixes/preview';

/** What the person says is happening; "not sure" runs everything and orders by the diagnosis alone. */
export type WizardSymptom = Symptom | 'not-sure';

/** The card of the finding on screen: reading it, the manual steps, a fix being confirmed, applied or re-checked. */
export type CardState =
  | { kind: 'reading'; notice?: string }
  /** The manual steps; `notice` says how opening a settings page went. */
  | { kind: 'how'; notice?: string }
  | { kind: 'previewing'; fixId: FixPreview['fixId'] }
  | { kind: 'confirming'; preview: FixPreview }
  | { kind: 'applying'; preview: FixPreview }
  | { kind: 'applied'; attempt: FixAttempt; passed: boolean }
  | { kind: 'fix-failed'; message: string; attempt?: FixAttempt };

interface Asked {
  symptom: WizardSymptom;
  /** The error code as normalised ("3194"), only for "update or restore shows an error". */
  code?: string;
}

export type WizardState =
  /** `notice`: why the last check could not start, in words for the person. */
  | { step: 'ask'; symptom?: WizardSymptom; codeText: string; notice?: string }
  | ({ step: 'checking' } & Asked)
  | ({ step: 'finding'; queue: Finding[]; index: number; card: CardState; attempts: FixAttempt[]; partial: boolean } & Asked)
  | ({ step: 'end'; result: 'fixed' | 'left' | 'clear'; attempts: FixAttempt[]; left: Finding[]; partial: boolean } & Asked);

export type WizardEvent =
  | { type: 'choose'; symptom: WizardSymptom }
  | { type: 'type-code'; text: string }
  /** The Check button; `code` is the typed code once validated (the screen validates as they type). */
  | { type: 'start'; code?: string }
  | { type: 'checked'; findings: readonly Finding[]; cancelled: boolean }
  /** The check could not start (another is running, main failed): back to the question, saying why. */
  | { type: 'check-failed'; message: string }
  | { type: 'show-how' }
  | { type: 'hide-how' }
  /** How the "open the settings page" button went, shown beside the steps. */
  | { type: 'how-notice'; text: string }
  | { type: 'fix-it'; fixId: FixPreview['fixId'] }
  | { type: 'preview-ready'; preview: FixPreview }
  | { type: 'confirm' }
  | { type: 'cancel-fix' }
  | { type: 'fix-finished'; attempt: FixAttempt }
  | { type: 'fix-refused'; message: string }
  | { type: 'it-works' }
  | { type: 'still-not-working' }
  | { type: 'skip' }
  | { type: 'back' }
  | { type: 'restart' };

export const initialWizard: WizardState = { step: 'ask', codeText: '' };

/** The next state; an event that means nothing in the current state leaves it as it is. */
export function advance(state: WizardState, event: WizardEvent): WizardState {
  switch (state.step) {
    case 'ask':
      return fromAsk(state, event);
    case 'checking':
      return fromChecking(state, event);
    case 'finding':
      return fromFinding(state, event);
    case 'end':
      return event.type === 'restart' ? initialWizard : event.type === 'back' ? backFromEnd(state) : state;
    default:
      return assertNever(state, 'wizard step');
  }
}

function fromAsk(state: Extract<WizardState, { step: 'ask' }>, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'choose':
      return { ...state, symptom: event.symptom };
    case 'type-code':
      return { ...state, codeText: event.text };
    case 'start':
      if (!state.symptom) return state;
      return { step: 'checking', symptom: state.symptom, ...(state.symptom === 'update-error' && event.code ? { code: event.code } : {}) };
    default:
      return state;
  }
}

function asked(state: Asked): Asked {
  return { symptom: state.symptom, ...(state.code !== undefined ? { code: state.code } : {}) };
}

function fromChecking(state: Extract<WizardState, { step: 'checking' }>, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'checked': {
      const queue = relevantFirst(event.findings, state);
      if (queue.length === 0) return { step: 'end', result: 'clear', attempts: [], left: [], partial: event.cancelled, ...asked(state) };
      return { step: 'finding', queue, index: 0, card: { kind: 'reading' }, attempts: [], partial: event.cancelled, ...asked(state) };
    }
    case 'check-failed':
      return { step: 'ask', symptom: state.symptom, codeText: state.code ?? '', notice: event.message };
    case 'back':
    case 'restart':
      return { step: 'ask', symptom: state.symptom, codeText: state.code ?? '' };
    default:
      return state;
  }
}

function fromFinding(state: Extract<WizardState, { step: 'finding' }>, event: WizardEvent): WizardState {
  const card = state.card;
  const withCard = (next: CardState): WizardState => ({ ...state, card: next });
  switch (event.type) {
    case 'show-how':
      return card.kind === 'reading' ? withCard({ kind: 'how' }) : state;
    case 'hide-how':
      return card.kind === 'how' ? withCard({ kind: 'reading' }) : state;
    case 'how-notice':
      return card.kind === 'how' ? withCard({ kind: 'how', notice: event.text }) : state;
    case 'fix-it':
      return card.kind === 'reading' || card.kind === 'how' || card.kind === 'fix-failed'
        ? withCard({ kind: 'previewing', fixId: event.fixId })
        : state;
    case 'preview-ready':
      return card.kind === 'previewing' && card.fixId === event.preview.fixId
        ? withCard({ kind: 'confirming', preview: event.preview })
        : state;
    case 'confirm':
      return card.kind === 'confirming' && !card.preview.blocked ? withCard({ kind: 'applying', preview: card.preview }) : state;
    case 'cancel-fix':
      return card.kind === 'previewing' || card.kind === 'confirming' ? withCard({ kind: 'reading' }) : state;
    case 'fix-finished': {
      if (card.kind !== 'applying') return state;
      const attempts = [...state.attempts, event.attempt];
      const recorded = (next: CardState): WizardState => ({ ...state, attempts, card: next });
      const outcome = event.attempt.outcome;
      switch (outcome.kind) {
        case 'applied':
          return recorded({ kind: 'applied', attempt: event.attempt, passed: passed(event.attempt) });
        case 'cancelled':
          return recorded({ kind: 'reading', notice: 'You cancelled the request for administrator rights: nothing was changed.' });
        case 'nothing-to-do':
          return recorded({ kind: 'reading', notice: `Nothing was changed: ${outcome.why}` });
        case 'failed':
        case 'needs-admin':
        case 'changed-since-preview':
          return recorded({ kind: 'fix-failed', message: outcome.why, attempt: event.attempt });
        default:
          return assertNever(outcome, 'fix outcome');
      }
    }
    case 'fix-refused':
      return card.kind === 'previewing' || card.kind === 'applying' ? withCard({ kind: 'fix-failed', message: event.message }) : state;
    case 'it-works':
      return card.kind === 'applied' && card.passed ? end(state, 'fixed') : state;
    case 'still-not-working':
    case 'skip':
      if (card.kind === 'applying' || card.kind === 'previewing') return state;
      return state.index + 1 < state.queue.length
        ? { ...state, index: state.index + 1, card: { kind: 'reading' } satisfies CardState }
        : end(state, 'left');
    case 'back':
      if (card.kind !== 'reading') return card.kind === 'applying' ? state : withCard({ kind: 'reading' });
      return state.index > 0 ? { ...state, index: state.index - 1 } : { step: 'ask', symptom: state.symptom, codeText: state.code ?? '' };
    case 'restart':
      return card.kind === 'applying' ? state : initialWizard;
    default:
      return state;
  }
}

function end(state: Extract<WizardState, { step: 'finding' }>, result: 'fixed' | 'left'): WizardState {
  // What is left: the findings no attempt fixed, in the order they were shown.
  const fixed = new Set(
    state.attempts.filter((attempt) => attempt.outcome.kind === 'applied' && passed(attempt)).map((attempt) => attempt.findingId),
  );
  const left = state.queue.filter((finding) => !fixed.has(finding.id));
  return { step: 'end', result, attempts: state.attempts, left, partial: state.partial, ...asked(state) };
}

function backFromEnd(state: Extract<WizardState, { step: 'end' }>): WizardState {
  if (state.result === 'clear' || state.left.length === 0) return { step: 'ask', symptom: state.symptom, codeText: state.code ?? '' };
  const queue = state.left;
  return {
    step: 'finding',
    queue,
    index: queue.length - 1,
    card: { kind: 'reading' },
    attempts: state.attempts,
    partial: state.partial,
    ...asked(state),
  };
}

/** A fix passed when it changed something and every re-checked check is now ok. */
export function passed(attempt: FixAttempt): boolean {
  return attempt.outcome.kind === 'applied' && attempt.after.length > 0 && attempt.after.every((check) => check.status === 'ok');
}

/**
 * The problems to walk through, most relevant first: those that explain the error code, then those
 * that match what the person said, each group in the diagnosis's own order. Notes (info) are left out.
 */
export function relevantFirst(findings: readonly Finding[], about: Asked): Finding[] {
  const score = (finding: Finding) =>
    (about.code !== undefined && finding.errorCodes.includes(about.code) ? 2 : 0) +
    (about.symptom !== 'not-sure' && finding.symptoms.includes(about.symptom) ? 1 : 0);
  return findings
    .filter((finding) => finding.severity !== 'info')
    .map((finding, index) => ({ finding, index, score: score(finding) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ finding }) => finding);
}
