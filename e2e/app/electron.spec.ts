import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

// Launches the real, built app. Needs the Electron binary, which `npm ci` no longer fetches
// (electron >= 42 downloads it on first launch). The path is read from node_modules/electron/path.txt
// without importing the `electron` package, which would try to download it.
const root = path.resolve(import.meta.dirname, '../..');
const pathFile = path.join(root, 'node_modules/electron/path.txt');
const binary =
  process.env['ELECTRON_BINARY'] ??
  (existsSync(pathFile) ? path.join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()) : undefined);
const available = binary !== undefined && existsSync(binary);

test.skip(
  !available,
  'No Electron binary on this machine (it is downloaded on first launch and the network is closed here); ' +
    'set ELECTRON_BINARY or run on a CI runner where `node node_modules/electron/install.js` has fetched it.',
);

// The app reads catalog.json from its user-data folder. This one names a single server marked
// untestable and no ports or time server, so a run contacts no host at all: the click-through goes
// renderer → preload → IPC → handlers → engine → events → renderer, and nothing leaves the machine.
const OFFLINE_CATALOG = {
  schema: 'sync-doctor/catalog@1',
  version: 'electron-launch-test',
  updated: '2026-01-01',
  source: 'the Electron launch test',
  servers: [
    {
      id: 'offline',
      pattern: 'launch-test.invalid',
      purpose: 'Stands for a server in the launch test',
      ports: [443],
      untestable: 'The launch test contacts no server.',
    },
  ],
  ports: [],
  processes: [],
};

interface Launched {
  app: ElectronApplication;
  window: Page;
  catalogFile: string;
  close(): Promise<void>;
}

async function launch(): Promise<Launched> {
  const userData = await mkdtemp(path.join(tmpdir(), 'sync-doctor-electron-'));
  const catalogFile = path.join(userData, 'catalog.json');
  await writeFile(catalogFile, JSON.stringify(OFFLINE_CATALOG));
  const app = await electron.launch({
    executablePath: binary,
    args: [root, `--user-data-dir=${userData}`],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  const window = await app.firstWindow();
  return {
    app,
    window,
    catalogFile,
    async close() {
      await app.close();
      await rm(userData, { recursive: true, force: true });
    },
  };
}

test('the real app starts locked down and exposes only the named preload API', async () => {
  const { app, window, close } = await launch();
  try {
    await expect(window.getByRole('button', { name: 'Run check' })).toBeVisible();
    expect(await window.title()).toBe('Sync Doctor');

    // getLastWebPreferences is Electron's own (undocumented) record of what the page got.
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences?: () => unknown } | undefined;
      return contents?.getLastWebPreferences?.();
    });
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });

    const exposed = await window.evaluate(() => ({
      api: Object.keys((window as unknown as { syncDoctor: object }).syncDoctor).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({
      api: ['appInfo', 'cancelCheck', 'onRunEvent', 'openLink', 'startCheck'],
      require: 'undefined',
      process: 'undefined',
    });
  } finally {
    await close();
  }
});

test('a run goes through the real preload and handlers: click, wait for the result, one row', async () => {
  const { window, catalogFile, close } = await launch();
  try {
    // The run must use the offline catalog: main says so before anything runs.
    const info = await window.evaluate(() =>
      (window as unknown as { syncDoctor: { appInfo(): Promise<{ catalog: { source: string } }> } }).syncDoctor.appInfo(),
    );
    expect(info.catalog.source).toBe(catalogFile);

    await window.getByRole('button', { name: 'Run check' }).click();
    await expect(window.getByRole('button', { name: 'Run again' })).toBeVisible({ timeout: 60_000 });
    await window.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Servers' }).click();
    const rows = window
      .getByRole('table', { name: /Apple servers/ })
      .getByRole('row')
      .filter({ has: window.getByRole('rowheader') });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAccessibleName(/^Skipped launch-test\.invalid/);
    await expect(rows.first()).toContainText('The launch test contacts no server.');
  } finally {
    await close();
  }
});

test('the window does not navigate away, and says so in main', async () => {
  // A loopback page to navigate to: if the block were missing, the navigation would reach it.
  let requests = 0;
  const elsewhere = createServer((_request, response) => {
    requests += 1;
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Elsewhere</title>');
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/elsewhere`;
  const { app, window, close } = await launch();
  try {
    await expect(window.getByRole('button', { name: 'Run check' })).toBeVisible();
    const before = window.url();
    // Main records the attempt after the app's own will-navigate handler has had its say.
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      const scope = globalThis as unknown as { navigationAttempt?: Promise<{ url: string; prevented: boolean }> };
      scope.navigationAttempt = new Promise((resolve) => {
        contents.once('will-navigate', (event) => resolve({ url: event.url, prevented: event.defaultPrevented }));
      });
    });
    await window.evaluate((url) => {
      (globalThis as unknown as { location: { href: string } }).location.href = url;
    }, target);
    const attempt = await app.evaluate(
      () => (globalThis as unknown as { navigationAttempt: Promise<{ url: string; prevented: boolean }> }).navigationAttempt,
    );
    // The attempt reached main, and the app's handler refused it...
    expect(attempt).toEqual({ url: target, prevented: true });
    // ...so a navigation that could have committed never does: the page is never asked for.
    await expect(window.waitForURL(target, { timeout: 3000 })).rejects.toThrow();
    expect(requests).toBe(0);
    expect(window.url()).toBe(before);
    await expect(window.getByRole('button', { name: 'Run check' })).toBeVisible();
  } finally {
    await close();
    await new Promise((resolve) => elsewhere.close(resolve));
  }
});
