// What the wizard's events ask of main: start or cancel the check, the offers of the finished run,
// a fix's preview and its application. The renderer names a fix only by the ids main offered for
// that run; main refuses anything else (main/fixes/fix-session.ts), and a refusal is shown as such.
import type { RunEvent } from '../../app/contract/check';
import type { FindingId, FixId } from '../../app/diagnosis/finding';
import type { SyncDoctorApi } from '../../app/ipc/contract';
import { isActive } from '../store/run-slice';
import type { AppStore } from '../store/store';
import { offerKey } from './slice';
import type { WizardEvent, WizardState } from './state';

export interface WizardActions {
  /** Sends an event to the wizard, then does what the new step needs from main. */
  wizard(event: WizardEvent): void;
  /** "Show details": the exact steps of an offered fix, from main's preview. Nothing changes. */
  loadFixDetails(findingId: FindingId, fixId: FixId): void;
  /** Opens the settings page of a guidance offer: applying such a fix opens the page, nothing else. */
  openSettings(findingId: FindingId, fixId: FixId): void;
}

interface RunControl {
  startRun(): Promise<void>;
  cancelRun(): Promise<void>;
}

type FindingStep = Extract<WizardState, { step: 'finding' }>;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createWizardEffects(
  store: AppStore,
  api: SyncDoctorApi,
  run: RunControl,
): WizardActions & { runEvent(event: RunEvent): void } {
  const dispatch = (event: WizardEvent) => store.getState().wizardEvent(event);

  /** The request that names the finding on screen and one of its fixes, for the wizard's run. */
  function fixRequest(findingId: FindingId, fixId: FixId): { runId: string; findingId: FindingId; fixId: FixId } | string {
    const offers = store.getState().fixOffers;
    if (offers.status !== 'ready') return 'The fixes of this check are not known yet.';
    return { runId: offers.runId, findingId, fixId };
  }

  async function startCheck(): Promise<void> {
    // A check started elsewhere (the Run button) is followed rather than run twice.
    if (isActive(store.getState().run.phase)) return;
    await run.startRun();
    const { run: after, wizard } = store.getState();
    if (after.phase === 'start-failed' && wizard.step === 'checking') {
      dispatch({ type: 'check-failed', message: after.error ?? 'The check could not start.' });
    }
  }

  /** The preview (before the confirmation) or the fix itself (after it), answered as a wizard event. */
  async function ask(state: FindingStep, fixId: FixId, what: 'preview' | 'apply'): Promise<void> {
    const request = fixRequest(currentFinding(state), fixId);
    if (typeof request === 'string') return dispatch({ type: 'fix-refused', message: request });
    try {
      if (what === 'preview') {
        const answer = await api.previewFix(request);
        dispatch(answer.ok ? { type: 'preview-ready', preview: answer.preview } : { type: 'fix-refused', message: answer.message });
      } else {
        const answer = await api.applyFix(request);
        dispatch(answer.ok ? { type: 'fix-finished', attempt: answer.attempt } : { type: 'fix-refused', message: answer.message });
      }
    } catch (error) {
      dispatch({
        type: 'fix-refused',
        message: `The ${what === 'preview' ? 'preview could not be made' : 'fix could not be applied'}: ${message(error)}`,
      });
    }
  }

  return {
    wizard(event) {
      const before = store.getState().wizard;
      dispatch(event);
      const after = store.getState().wizard;
      if (after === before) return;
      if (before.step === 'ask' && after.step === 'checking') void startCheck();
      else if (before.step === 'checking' && after.step === 'ask') void run.cancelRun();
      else if (after.step === 'finding' && after.card.kind === 'previewing') void ask(after, after.card.fixId, 'preview');
      else if (
        after.step === 'finding' &&
        after.card.kind === 'applying' &&
        before.step === 'finding' &&
        before.card.kind === 'confirming'
      ) {
        void ask(after, after.card.preview.fixId, 'apply');
      }
    },

    loadFixDetails(findingId, fixId) {
      const key = offerKey(findingId, fixId);
      const known = store.getState().fixDetails[key];
      if (known && known.status !== 'failed') return;
      const request = fixRequest(findingId, fixId);
      if (typeof request === 'string') return store.getState().fixDetailsSettled(key, { status: 'failed', message: request });
      store.getState().fixDetailsSettled(key, { status: 'loading' });
      api.previewFix(request).then(
        (answer) =>
          store
            .getState()
            .fixDetailsSettled(
              key,
              answer.ok ? { status: 'ready', preview: answer.preview } : { status: 'failed', message: answer.message },
            ),
        (error: unknown) =>
          store.getState().fixDetailsSettled(key, { status: 'failed', message: `The details could not be loaded: ${message(error)}` }),
      );
    },

    openSettings(findingId, fixId) {
      const request = fixRequest(findingId, fixId);
      const notice = (text: string) => dispatch({ type: 'how-notice', text });
      if (typeof request === 'string') return notice(request);
      void (async () => {
        try {
          // Main applies only what it previewed; opening a page changes nothing, so no confirmation.
          const shown = await api.previewFix(request);
          if (!shown.ok) return notice(shown.message);
          if (shown.preview.blocked) return notice(`The settings page cannot be opened here: ${shown.preview.blocked}`);
          const answer = await api.applyFix(request);
          if (!answer.ok) return notice(answer.message);
          const outcome = answer.attempt.outcome;
          notice(
            outcome.kind === 'applied'
              ? `${shown.preview.title}: done. Make the change the steps describe there.`
              : `The settings page did not open${'why' in outcome ? `: ${outcome.why}` : '.'}`,
          );
        } catch (error) {
          notice(`The settings page could not be opened: ${message(error)}`);
        }
      })();
    },

    runEvent(event) {
      const runId = store.getState().wizardRunEvent(event);
      if (runId === undefined) return;
      api.listFixes(runId).then(
        (answer) => store.getState().fixOffersSettled(runId, answer.ok ? answer : { ok: false, message: answer.message }),
        (error: unknown) =>
          store.getState().fixOffersSettled(runId, { ok: false, message: `The fixes could not be listed: ${message(error)}` }),
      );
    },
  };
}

function currentFinding(state: FindingStep): FindingId {
  const finding = state.queue[state.index];
  if (!finding) throw new Error('the wizard shows no finding');
  return finding.id;
}
