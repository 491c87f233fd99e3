import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import type * as HarnessModule from './harness';
import type { DesktopApp, Scenario, World } from './harness';
import type { GatheredPersonal } from '../../main/report/gather-personal';
import { HARNESS_BUNDLE, PAGE_PRELOAD_BUNDLE } from './global-setup';
import { serveRenderer } from './static-server';

type Harness = typeof HarnessModule;
let harness: Promise<Harness> | undefined;
/** The bundle global-setup.ts built (the sources cannot be imported directly: see harness.ts). */
export function loadHarness(): Promise<Harness> {
  harness ??= import(pathToFileURL(HARNESS_BUNDLE).href) as Promise<Harness>;
  return harness;
}

const RENDERER = path.resolve(import.meta.dirname, '../../out/renderer');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screens');

/** The CSP of the built index.html, served as a header too so the page runs under it either way. */
async function rendererCsp(): Promise<string> {
  const html = await readFile(path.join(RENDERER, 'index.html'), 'utf8');
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('out/renderer/index.html has no CSP: run npm run build:app first');
  return match[1];
}

export interface AppFixtures {
  /** Console errors a test provokes on purpose (they fail every other test). */
  expectedConsoleErrors: RegExp | undefined;
  /** Main's deadline for each check (a test that must catch a run midway makes it long). */
  checkTimeoutMs: number;
  /** Where the built renderer is served (loopback, with the app's CSP). */
  rendererUrl: string;
  /** Main's side of the app for this page: the real handlers, run service and engine. */
  app: DesktopApp;
  /** What the support report treats as this computer's personal values (default: the real ones). */
  reportPersonal: GatheredPersonal | undefined;
  /** The page, loaded and showing the app. */
  appPage: Page;
}

export const test = base.extend<AppFixtures>({
  expectedConsoleErrors: [undefined, { option: true }],
  reportPersonal: [undefined, { option: true }],
  checkTimeoutMs: [3000, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  rendererUrl: async ({}, use) => {
    const server = await serveRenderer(RENDERER, await rendererCsp());
    await use(server.url);
    await server.close();
  },
  app: async ({ page, rendererUrl, reportPersonal, checkTimeoutMs }, use) => {
    const app = await (await loadHarness()).startDesktopMain(page, {
      rendererOrigin: rendererUrl,
      preloadScript: PAGE_PRELOAD_BUNDLE,
      timeoutMs: checkTimeoutMs,
      ...(reportPersonal ? { personal: reportPersonal } : {}),
    });
    await use(app);
    await app.close();
  },
  appPage: async ({ page, app, rendererUrl, expectedConsoleErrors }, use) => {
    void app;
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !expectedConsoleErrors?.test(message.text())) problems.push(`console error: ${message.text()}`);
    });
    await page.goto(rendererUrl);
    await expect(page.getByRole('button', { name: 'Run check' })).toBeVisible();
    await use(page);
    expect(problems, 'the page logged errors').toEqual([]);
    expect(app.refusals, 'main refused messages from the page').toEqual([]);
  },
});

export { expect };

export function requireNamespace(): void {
  test.skip(
    !process.env['SYNC_DOCTOR_TEST_NETNS'],
    'needs the fake internet: run through `node e2e/fake-internet/in-netns.mjs npx playwright test`',
  );
}

/** Starts the fake internet for a describe block's tests and stops it after them. */
export function useWorld(scenario: Scenario): () => World {
  let world: World | undefined;
  test.beforeAll(async () => {
    world = await (await loadHarness()).startWorld(scenario);
  });
  test.afterAll(async () => {
    await world?.stop();
  });
  return () => {
    if (!world) throw new Error('the world is not up');
    return world;
  };
}

export async function showScreen(page: Page, name: 'Overview' | 'Servers' | 'Ports' | 'Processes'): Promise<void> {
  const button = page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name });
  await button.click();
  await expect(button).toHaveAttribute('aria-current', 'page');
  // The overview's heading is its verdict; the other screens are headed by their name.
  if (name !== 'Overview') await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** A row of the Ports screen, by the port in its header cell ("TCP 554"): other rows may mention it. */
export function portRow(page: Page, port: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: port, exact: true }) });
}

/** Runs the check from the Overview (the app opens on "Fix my sync") and waits for its end. */
export async function runToEnd(page: Page): Promise<void> {
  await showScreen(page, 'Overview');
  await page.getByRole('button', { name: /^Run (check|again)$/ }).click();
  await expect(page.getByRole('button', { name: 'Run again' })).toBeVisible({ timeout: 60_000 });
}

/** A screenshot of what the user sees, kept in test-results/screens and attached to the report. */
export async function snap(page: Page, name: string): Promise<void> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}
