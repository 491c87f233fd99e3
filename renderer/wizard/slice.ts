// The wizard's place in the store: its state, the fixes main offered for the run it reads, and the
// previews fetched for "Show details". Every change goes through `advance` (state.ts).
import type { StateCreator } from 'zustand';
import type { RunEvent } from '../../app/contract/check';
import type { FindingId, FixId } from '../../app/diagnosis/finding';
import type { FixOffer, FixPreview } from '../../app/fixes/preview';
import type { StoreState } from '../store/store';
import { advance, initialWizard, type WizardEvent, type WizardState } from './state';

/** The fixes main offered for the wizard's run: fix requests name that run and only these ids. */
export type FixOffers =
  | { status: 'none' }
  | { status: 'loading'; runId: string }
  | { status: 'ready'; runId: string; offers: FixOffer[] }
  | { status: 'failed'; runId: string; message: string };

/** "Show details" of one offer: the exact steps, from main's preview. */
export type FixDetails = { status: 'loading' } | { status: 'ready'; preview: FixPreview } | { status: 'failed'; message: string };

export const offerKey = (findingId: FindingId, fixId: FixId): string => `${findingId} ${fixId}`;

export interface WizardSlice {
  wizard: WizardState;
  fixOffers: FixOffers;
  fixDetails: Record<string, FixDetails>;
  wizardEvent(event: WizardEvent): void;
  /**
   * Called for every run event after the run slice took it: the end of the run the wizard is
   * checking becomes its findings. Returns that run's id when it did, so the offers can be asked for.
   */
  wizardRunEvent(event: RunEvent): string | undefined;
  fixOffersSettled(runId: string, answer: { ok: true; offers: FixOffer[] } | { ok: false; message: string }): void;
  fixDetailsSettled(key: string, details: FixDetails): void;
}

export const createWizardSlice: StateCreator<StoreState, [], [], WizardSlice> = (set, get) => ({
  wizard: initialWizard,
  fixOffers: { status: 'none' },
  fixDetails: {},
  wizardEvent: (event) =>
    set(({ wizard }) => {
      const next = advance(wizard, event);
      return next === wizard ? { wizard } : { wizard: next };
    }),
  wizardRunEvent: (event) => {
    const { wizard, run } = get();
    if (event.type !== 'run-finished' || wizard.step !== 'checking' || run.runId !== event.runId) return undefined;
    const { header: report } = event;
    set({
      wizard: advance(wizard, { type: 'checked', findings: report.findings ?? [], cancelled: report.cancelled }),
      fixOffers: { status: 'loading', runId: event.runId },
      fixDetails: {},
    });
    return event.runId;
  },
  fixOffersSettled: (runId, answer) =>
    set(({ fixOffers }) => {
      // An answer for a run the wizard no longer reads is dropped.
      if (fixOffers.status === 'none' || fixOffers.runId !== runId) return { fixOffers };
      return {
        fixOffers: answer.ok ? { status: 'ready', runId, offers: answer.offers } : { status: 'failed', runId, message: answer.message },
      };
    }),
  fixDetailsSettled: (key, details) => set(({ fixDetails }) => ({ fixDetails: { ...fixDetails, [key]: details } })),
});

/** The offers main made for one finding, changes before settings pages (main's order). */
export function offersFor(offers: FixOffers, findingId: FindingId): FixOffer[] {
  return offers.status === 'ready' ? offers.offers.filter((offer) => offer.findingId === findingId) : [];
}
