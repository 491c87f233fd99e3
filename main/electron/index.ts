import './prepare-environment';
import sudoPrompt from '@expo/sudo-prompt';
import { app, BrowserWindow, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinCatalog } from '../../app/catalog/builtin';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from '../platform/defaults';
import { runEngine } from '../engine/engine';
import { elevatedFixRequest, runElevatedFix } from '../fixes/elevated-helper';
import { sudoPromptElevation } from '../fixes/elevation';
import { systemFixEnvironment } from '../fixes/environment';
import { desktopFixSession } from './desktop-fixes';
import { buildAppInfo } from './app-info';
import { loadDesktopCatalog } from './catalog-source';
import { registerHandlers } from './handlers';
import { send } from './ipc-main';
import { lockDownSession } from './lockdown';
import { menuTemplate } from './menu';
import { openInBrowser } from './external-links';
import { attemptsSince } from '../../app/report/from-fix-attempts';
import { paperSizeFor } from '../../app/report/print-settings';
import { gatherPersonal, thisSystem } from '../report/gather-personal';
import { FinishedReports } from './finished-reports';
import { chooseSavePath, printHtmlToPdf, writeClipboard } from './report-edge';
import { ReportService } from './report-service';
import { APP_ENTRY_URL, APP_SCHEME, serveRendererRequest } from './renderer-protocol';
import { RunService } from './run-service';
import type { TrustedPage } from './sender-check';
import { createMainWindow } from './window';

// Electron wiring only: everything with a decision in it lives in the modules imported above.

const log = (message: string) => console.error(`[sync-doctor] ${message}`);
const here = path.dirname(fileURLToPath(import.meta.url));
const devServer = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const rendererRoot = path.join(here, '../renderer');
const page: TrustedPage = devServer ? { kind: 'dev-server', origin: devServer } : { kind: 'app-scheme', url: APP_ENTRY_URL };

// The built renderer is served from app://sync-doctor/, never file:// (renderer-protocol.ts). A
// scheme gets its privileges before the app is ready: standard (an origin, relative URLs) and
// secure (like https); CORS-enabled because module scripts are fetched in CORS mode.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, corsEnabled: true } }]);

let mainWindow: BrowserWindow | undefined;
const target = (): WebContents | undefined => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : undefined);

const proxy = { resolveProxy: (url: string) => session.defaultSession.resolveProxy(url) };
const fixes = desktopFixSession({
  // Re-checks run from the catalog the run used: the catalog is read once per run (run-service.ts).
  loadCatalog: () => runs.catalog(),
  engine: { timeoutMs: DEFAULT_TIMEOUT_MS, concurrency: DEFAULT_CONCURRENCY, proxy },
  // One OS prompt per fix: this app started again, elevated, with only the fix id and the preview's
  // fingerprint. Electron refuses to start as root on Linux unless told --no-sandbox; the helper
  // opens no window and loads no page, so there is nothing for the sandbox to hold.
  elevate: sudoPromptElevation(sudoPrompt.exec, [
    process.execPath,
    ...(process.platform === 'linux' ? ['--no-sandbox'] : []),
    ...(app.isPackaged ? [] : [app.getAppPath()]),
  ]),
  log,
});

const finished = new FinishedReports();
const runs = new RunService({
  loadCatalog: () => loadDesktopCatalog(app.getPath('userData')),
  // Chromium's resolver understands PAC scripts and auto-detection, which the engine alone cannot.
  runEngine: (options, emit) => runEngine({ ...options, proxy }, emit),
  emit: (event) => {
    fixes.observe(event);
    finished.observe(event);
    void send(target(), 'check:event', event);
  },
  timeoutMs: DEFAULT_TIMEOUT_MS,
  concurrency: DEFAULT_CONCURRENCY,
  log,
});

async function openWindow(): Promise<void> {
  mainWindow = await createMainWindow(
    {
      preload: path.join(here, '../preload/index.cjs'),
      page,
      stateFile: path.join(app.getPath('userData'), 'window-state.json'),
      devTools: !app.isPackaged,
    },
    log,
  );
  mainWindow.on('closed', () => {
    mainWindow = undefined;
    void runs.stopAll();
  });
}

const elevatedFix = elevatedFixRequest(process.argv);
if (elevatedFix) {
  // Started elevated to apply one fix (see fixes/elevated-helper.ts): no window, one reply line, exit.
  void runElevatedFix(
    elevatedFix,
    systemFixEnvironment({ catalog: builtinCatalog(), checks: [], signal: new AbortController().signal, elevated: true }),
  ).then((line) => process.stdout.write(`${line}\n`, () => app.exit(0)));
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    // Belt and braces: no page of this app may open another or be turned into a webview host.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (!mainWindow) void openWindow();
  });

  void app.whenReady().then(async () => {
    protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, rendererRoot));
    lockDownSession(session.defaultSession);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({ platform: process.platform, appName: app.name, packaged: app.isPackaged, openLink: openInBrowser }),
      ),
    );
    registerHandlers(
      ipcMain,
      { trustedPage: page, isKnownWindow: (contents) => BrowserWindow.fromWebContents(contents) === mainWindow, log },
      {
        runs,
        appInfo: async () => buildAppInfo({ name: app.name, version: app.getVersion() }, await runs.catalog()),
        openLink: openInBrowser,
        fixes,
        reports: new ReportService({
          finishedReport: (runId) => finished.get(runId),
          fixAttempts: (runId) => attemptsSince(finished.get(runId)?.startedAt, fixes.attempts),
          gatherPersonal: () => gatherPersonal(thisSystem(), AbortSignal.timeout(10_000)),
          catalog: async () => (await loadDesktopCatalog(app.getPath('userData'))).catalog,
          appVersion: app.getVersion(),
          chooseSavePath: chooseSavePath(() => mainWindow, app.getPath('documents')),
          writeFile: (file, data) => writeFile(file, data),
          writeClipboard,
          printToPdf: printHtmlToPdf(log),
          paper: paperSizeFor(app.getSystemLocale() || app.getLocale()),
          log,
        }),
      },
    );
    await openWindow();
  });
}
