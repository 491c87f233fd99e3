import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowBounds } from './window-state';

export const MIN_WIDTH = 560;
export const MIN_HEIGHT = 480;

/** The one window's options: locked down (no Node, sandboxed, isolated) whatever else changes. */
export function mainWindowOptions(
  preloadPath: string,
  bounds: WindowBounds,
  dark: boolean,
  devTools = false,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Sync Doctor',
    backgroundColor: dark ? '#1c1c1e' : '#f5f5f7',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise try to open links in a new window (denied anyway).
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      // Only in development: a packaged app has no use for them.
      devTools,
    },
  };
}
