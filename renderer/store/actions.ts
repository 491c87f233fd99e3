import type { CheckGroup } from '../../app/contract/check';
import type { SyncDoctorApi } from '../../app/ipc/contract';
import { createReportActions, type ReportActions } from '../report/report-actions';
import { createWizardEffects, type WizardActions } from '../wizard/effects';
import type { AppLink } from '../../app/links';
import { isActive } from './run-slice';
import type { AppStore } from './store';

const ALL_GROUPS: CheckGroup[] = ['network', 'system'];

/** The store's side effects: the only code that talks to window.syncDoctor. */
export interface Actions extends ReportActions, WizardActions {
  startRun(): Promise<void>;
  cancelRun(): Promise<void>;
  openLink(url: AppLink): void;
  /** Subscribes to run events and loads app info; returns the disposer. */
  connect(): () => void;
}

export function createActions(store: AppStore, api: SyncDoctorApi): Actions {
  const runControl = {
    async startRun() {
      if (isActive(store.getState().run.phase)) return;
      store.getState().runStarting();
      try {
        const answer = await api.startCheck({ groups: ALL_GROUPS });
        if (answer.ok) {
          store.getState().runStartConfirmed(answer.runId);
          // Main read the catalog again for this run: show the ports and processes of that same read.
          // Should the refresh fail, the details already shown stay.
          api.appInfo().then(
            (info) => store.getState().appInfoLoaded(info),
            () => undefined,
          );
        } else store.getState().runStartFailed(answer.message);
      } catch (error) {
        store.getState().runStartFailed(`The check could not start: ${(error as Error).message}`);
      }
    },
    async cancelRun() {
      const { run } = store.getState();
      if (run.phase !== 'running' || run.runId === undefined) return;
      store.getState().runCancelling();
      try {
        await api.cancelCheck(run.runId);
      } catch {
        // The run finishes on its own; its run-finished event settles the phase either way.
      }
    },
  };
  const wizard = createWizardEffects(store, api, runControl);
  return {
    ...createReportActions(store, api),
    ...runControl,
    wizard: wizard.wizard,
    loadFixDetails: wizard.loadFixDetails,
    openSettings: wizard.openSettings,
    openLink(url) {
      void api.openLink(url).catch(() => undefined);
    },
    connect() {
      // The wizard reads the run's end here, not in a screen, so it follows a check it is not showing.
      const unsubscribe = api.onRunEvent((event) => {
        store.getState().runEvent(event);
        wizard.runEvent(event);
      });
      api.appInfo().then(
        (info) => store.getState().appInfoLoaded(info),
        (error: unknown) => store.getState().appInfoFailed(`Could not load the app's details: ${(error as Error).message}`),
      );
      return unsubscribe;
    },
  };
}
