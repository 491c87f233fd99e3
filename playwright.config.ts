import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Chromium writes into $HOME: keep it in a throwaway folder (one, reused: the config loads in
// every worker).
const scratch = path.join(tmpdir(), 'sync-doctor-playwright');
mkdirSync(scratch, { recursive: true });
process.env['XDG_CONFIG_HOME'] ??= path.join(scratch, 'config');
process.env['XDG_CACHE_HOME'] ??= path.join(scratch, 'cache');

export default defineConfig({
  testDir: 'e2e/app',
  testMatch: '*.spec.ts',
  globalSetup: './e2e/app/global-setup.ts',
  outputDir: 'test-results/app',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1100, height: 760 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
