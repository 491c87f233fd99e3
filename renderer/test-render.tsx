import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { App } from './components/App';
import type { Actions } from './store/actions';
import { StoreProvider } from './store/context';
import { createAppStore, type AppStore } from './store/store';
import { APP_INFO } from './test-fixtures';

/** Renders `ui` on a fresh store with spy actions; tests push events into the store. */
export function renderInStore(ui: ReactNode, options: { appInfo?: boolean } = {}) {
  const store: AppStore = createAppStore();
  if (options.appInfo !== false) store.getState().appInfoLoaded(APP_INFO);
  const actions: Actions = {
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
  };
  const view = render(
    <StoreProvider store={store} actions={actions}>
      {ui}
    </StoreProvider>,
  );
  return { store, actions, ...view };
}

/** Renders the whole app on a fresh store with spy actions. */
export function renderApp(options: { appInfo?: boolean } = {}) {
  return renderInStore(<App />, options);
}
