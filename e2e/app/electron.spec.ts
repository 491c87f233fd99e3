import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

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

test('the real app starts locked down and exposes only the named preload API', async () => {
  const userData = await mkdtemp(path.join(tmpdir(), 'sync-doctor-electron-'));
  const app = await electron.launch({
    executablePath: binary,
    args: [root, `--user-data-dir=${userData}`],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  try {
    const window = await app.firstWindow();
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

    // Navigation is blocked: the page stays where it is.
    const before = window.url();
    await window.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await expect(window.getByRole('button', { name: 'Run check' })).toBeVisible();
    expect(window.url()).toBe(before);
  } finally {
    await app.close();
  }
});
