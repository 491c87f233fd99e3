import { BrowserWindow, nativeTheme, screen } from 'electron';
import { lockDownContents } from './lockdown';
import type { TrustedPage } from './sender-check';
import { mainWindowOptions } from './window-options';
import { loadWindowState, saveWindowState, type SavedWindowState } from './window-state';

interface WindowPaths {
  preload: string;
  page: TrustedPage;
  stateFile: string;
  devTools: boolean;
}

/** Creates the one window, restores its size and place, and remembers them when it closes. */
export async function createMainWindow(paths: WindowPaths, log: (message: string) => void): Promise<BrowserWindow> {
  const areas = screen.getAllDisplays().map((display) => display.workArea);
  const state = await loadWindowState(paths.stateFile, areas);
  const options = mainWindowOptions(paths.preload, state.bounds, nativeTheme.shouldUseDarkColors, paths.devTools);
  // The settings that matter most are restated here, at the one place a window is created, so
  // neither a change to window-options.ts nor a scanner reading this call can miss them.
  const window = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  lockDownContents(window.webContents, log);
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let latest: SavedWindowState = state;
  const remember = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const maximized = window.isMaximized() || window.isFullScreen();
    latest = { bounds: maximized ? latest.bounds : window.getNormalBounds(), maximized };
  };
  window.on('resize', remember);
  window.on('move', remember);
  window.on('close', () => {
    remember();
    saveWindowState(paths.stateFile, latest).catch((error: unknown) => log(`could not save the window state: ${String(error)}`));
  });

  if (paths.page.kind === 'dev-server') await window.loadURL(paths.page.origin);
  else await window.loadURL(paths.page.url);
  return window;
}
