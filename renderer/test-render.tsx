import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { SyncDoctorApi } from '../app/ipc/contract';
import { App } from './components/App';
import { createActions, type Actions } from './store/actions';
import { StoreProvider } from './store/context';
import { createAppStore, type AppStore } from './store/store';
import type { Screen } from './store/ui-slice';
import { APP_INFO } from './test-fixtures';

interface RenderOptions {
  appInfo?: boolean;
  /** The screen to show first; the app's own first screen otherwise. */
  screen?: Screen;
  /** Main's side: with it the real actions run against it; without, spy actions that only move the store. */
  api?: SyncDoctorApi;
}

function spyActions(store: AppStore): Actions {
  return {
    startRun: vi.fn(() => {
      store.getState().runStarting();
      return Promise.resolve();
    }),
    cancelRun: vi.fn(() => {
      store.getState().runCancelling();
      return Promise.resolve();
    }),
    openLink: vi.fn(),
    refreshReportPreview: vi.fn(() => Promise.resolve()),
    saveReport: vi.fn(() => Promise.resolve()),
    copyReportForForum: vi.fn(() => Promise.resolve()),
    connect: vi.fn(() => () => undefined),
    wizard: vi.fn((event) => store.getState().wizardEvent(event)),
    loadFixDetails: vi.fn(),
    openSettings: vi.fn(),
  };
}

/** Renders `ui` on a fresh store; tests push events into the store (or through `api`). */
export function renderInStore(ui: ReactNode, options: RenderOptions = {}) {
  const store: AppStore = createAppStore();
  if (options.appInfo !== false) store.getState().appInfoLoaded(APP_INFO);
  if (options.screen) store.getState().showScreen(options.screen);
  const actions: Actions = options.api ? createActions(store, options.api) : spyActions(store);
  const view = render(
    <StoreProvider store={store} actions={actions}>
      {ui}
    </StoreProvider>,
  );
  return { store, actions, ...view };
}

/** Renders the whole app on a fresh store. */
export function renderApp(options: RenderOptions = {}) {
  return renderInStore(<App />, options);
}
