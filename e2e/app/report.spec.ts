import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, requireNamespace, runToEnd, snap, test, useWorld } from './fixtures';
import { reportBackground } from './report-background';

// The Report screen on the real engine and the real report service (the emulated preload routes to
// them): preview, the personal-details switch, Save (PDF printed by Chromium), Copy for a forum post.

requireNamespace();

const COMPUTER = 'ALICE-LAPTOP';
const USER = 'alicesmith';
const LAN = '192.168.77.23';
const PASSWORD = 'pa/ss#w0rd';
const PROXY = `http://bobproxy:${PASSWORD}@${LAN}:3128`;
const SECRETS = [COMPUTER, USER, LAN, PASSWORD, 'bobproxy'];

test.use({
  reportPersonal: {
    values: {
      userNames: [USER],
      homeDirs: [`/home/${USER}`],
      computerNames: [COMPUTER],
      addresses: [LAN],
      macAddresses: ['a4:83:e7:12:34:56'],
      wifiNames: [],
      deviceNames: [],
      serials: [],
      emails: [],
    },
    identity: { computerName: COMPUTER, userName: USER },
  },
});

const run = promisify(execFile);
const leaks = (text: string) => SECRETS.filter((secret) => text.toLowerCase().includes(secret.toLowerCase()));

async function openReport(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support report', exact: true })).toBeVisible();
}

test.describe('the support report in the app', () => {
  useWorld({ faults: { 'gs.apple.com': 'hosts-redirect' } });
  let savedProxy: string | undefined;
  test.beforeEach(() => {
    // A broken proxy setting with a password in it: the proxy check quotes it, the report must not.
    savedProxy = process.env['https_proxy'];
    process.env['https_proxy'] = PROXY;
  });
  test.afterEach(() => {
    if (savedProxy === undefined) delete process.env['https_proxy'];
    else process.env['https_proxy'] = savedProxy;
  });

  test('previews exactly what is saved, hides personal details by default, saves a PDF and copies Markdown', async ({
    appPage: page,
    app,
  }) => {
    await openReport(page);
    await expect(page.getByText('Run a check first: the report is made from its results.')).toBeVisible();
    await runToEnd(page);
    await openReport(page);

    const personal = page.getByRole('switch', { name: 'Include personal details' });
    await expect(personal).not.toBeChecked();
    await expect(page.getByRole('radio', { name: 'PDF' })).toBeChecked();
    const document = page.getByRole('document', { name: 'The PDF report' });
    await expect(document.locator('h1')).toHaveText('Sync Doctor support report');
    await expect(document.locator('mark.sd-hidden', { hasText: '[credentials]' }).first()).toBeVisible();
    await expect(page.getByText(/^Hidden and marked below: .*local network address.*, proxy user names and passwords\.$/)).toBeVisible();
    expect(leaks(await document.locator('.sd-report').innerText())).toEqual([]);
    await document.locator('mark.sd-hidden', { hasText: '[credentials]' }).first().scrollIntoViewIfNeeded();
    await snap(page, 'report-pdf-preview');

    await page.getByRole('textbox', { name: 'Error code you saw (optional)' }).fill('3194');
    await expect(document.getByText('Error code', { exact: true })).toBeVisible();

    // Save: main picks the place through the Save dialog and writes the PDF Chromium printed.
    await page.getByRole('button', { name: 'Save report…' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Saved sync-doctor-report-\d{4}-\d{2}-\d{2}-\d{4}\.pdf\.$/ })).toBeVisible();
    const saved = app.saved.at(-1);
    expect(saved?.suggestedName).toMatch(/\.pdf$/);
    const pdf = await readFile(saved?.file ?? '');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { stdout: printed } = await run('/usr/bin/pdftotext', ['-layout', saved?.file ?? '', '-']);
    expect(printed).toContain('Sync Doctor support report');
    expect(printed).toContain('3194');
    expect(printed).toContain('gs.apple.com');
    expect(leaks(printed)).toEqual([]);

    // A cancelled Save dialog writes nothing and says nothing.
    const before = app.saved.length;
    app.cancelNextSave();
    await page.getByRole('button', { name: 'Save report…' }).click();
    await expect(page.getByRole('button', { name: 'Save report…' })).toBeEnabled();
    await expect(page.locator('.report-task')).toHaveText('');
    expect(app.saved.length).toBe(before);

    await page.getByRole('button', { name: 'Copy for a forum post' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Copied the report as Markdown/ })).toBeVisible();
    expect(app.clipboard.at(-1)).toMatch(/^## Sync Doctor support report/);
    expect(leaks(app.clipboard.at(-1) ?? '')).toEqual([]);

    await page.getByRole('radio', { name: 'Markdown' }).check();
    const markdown = page.getByLabel('The Markdown report');
    await expect(markdown).toContainText('<details>');
    await expect(markdown.locator('mark.report-mark').first()).toBeVisible();
    await snap(page, 'report-markdown-preview');
  });

  test('with personal details included, the computer name is in and the proxy password still is not', async ({ appPage: page }) => {
    await runToEnd(page);
    await openReport(page);
    await page.getByRole('switch', { name: 'Include personal details' }).check();
    await page.getByRole('radio', { name: 'HTML' }).check();
    const document = page.getByRole('document', { name: 'The HTML report' });
    await expect(document.getByText(COMPUTER, { exact: true })).toBeVisible();
    await expect(page.getByText('Personal details are included. Proxy user names and passwords are still removed (marked).')).toBeVisible();
    const text = await document.locator('.sd-report').innerText();
    expect(text).not.toContain(PASSWORD);
    expect(text).toContain(LAN);
  });

  test('reads in dark mode: the HTML preview follows it, the PDF preview stays on paper', async ({ appPage: page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await runToEnd(page);
    await openReport(page);
    const pdf = page.getByRole('document', { name: 'The PDF report' });
    await expect(pdf.locator('h1')).toBeVisible();
    expect(await reportBackground(pdf)).toBe('rgb(255, 255, 255)');
    await snap(page, 'report-pdf-preview-dark');
    await page.getByRole('radio', { name: 'HTML' }).check();
    const html = page.getByRole('document', { name: 'The HTML report' });
    await expect(html.locator('h1')).toBeVisible();
    expect(await reportBackground(html)).toBe('rgb(28, 28, 30)');
    await snap(page, 'report-html-preview-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await reportBackground(html)).toBe('rgb(255, 255, 255)');
    await snap(page, 'report-html-preview-light');
  });
});
