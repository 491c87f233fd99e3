import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, loadHarness, test } from './fixtures';
import { reportBackground } from './report-background';

// The support report's HTML printed to PDF by Chromium's print path (as webContents.printToPDF does
// in the app) and screenshotted light and dark. No fake internet: the report is a fixture with
// personal data planted everywhere.

const run = promisify(execFile);
const OUT = path.resolve(import.meta.dirname, '../../test-results/report');

async function pdfText(file: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('/usr/bin/pdftotext', ['-layout', ...range, file, '-']);
  return stdout;
}

test.beforeAll(async () => {
  await mkdir(OUT, { recursive: true });
});

test('the PDF holds the headings and the findings, repeats the table header, and nothing personal', async ({ page }) => {
  const harness = await loadHarness();
  await page.setContent(harness.plantedReportHtml({ checks: 60 }), { waitUntil: 'load' });
  const margins = harness.PRINT_MARGINS_MM;
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: harness.PRINT_HEADER_TEMPLATE,
    footerTemplate: harness.printFooterTemplate('2026-12-02'),
    margin: { top: `${margins.top}mm`, right: `${margins.right}mm`, bottom: `${margins.bottom}mm`, left: `${margins.left}mm` },
  });
  const file = path.join(OUT, 'report.pdf');
  await writeFile(file, pdf);
  await test.info().attach('report.pdf', { path: file, contentType: 'application/pdf' });

  const text = await pdfText(file);
  for (const heading of ['Sync Doctor support report', 'Summary', 'Findings', 'Fixes tried', 'All 73 checks'])
    expect(text).toContain(heading);
  expect(text).toContain('The hosts file sends gs.apple.com elsewhere');
  expect(text).toMatch(/Security software inspects Apple.s secure connections/);
  expect(text).toContain('Page 1 of');
  const lower = text.toLowerCase();
  expect(harness.PLANTED_SECRETS.filter((secret) => lower.includes(secret.toLowerCase()))).toEqual([]);

  // Every page after the one the table starts on begins its part of the table with the header row.
  const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1] ?? 0);
  expect(pages).toBeGreaterThan(2);
  const firstTablePage = (await Promise.all(Array.from({ length: pages }, (_, index) => pdfText(file, index + 1)))).findIndex((pageText) =>
    pageText.includes('All 73 checks'),
  );
  for (let number = firstTablePage + 2; number <= pages; number += 1) {
    const pageText = await pdfText(file, number);
    if (!/host\d+\.apple\.com/.test(pageText)) continue;
    expect(pageText, `page ${number}`).toMatch(/Status\s+Check and reason\s+Detail\s+Timings/);
  }

  // The pages as images, to look at (test-results/report/page-N.png).
  for (const old of (await readdir(OUT)).filter((name) => name.startsWith('page-'))) await rm(path.join(OUT, old));
  await run('/usr/bin/pdftoppm', ['-png', '-r', '70', file, path.join(OUT, 'page')]);
  for (const image of (await readdir(OUT)).filter((name) => name.startsWith('page-')).sort()) {
    await test.info().attach(image, { path: path.join(OUT, image), contentType: 'image/png' });
  }
});

test('the HTML reads on screen in light and dark, and loads nothing', async ({ page }) => {
  const harness = await loadHarness();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.setViewportSize({ width: 1100, height: 1400 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
    await page.setContent(harness.plantedReportHtml(), { waitUntil: 'load' });
    const background = await reportBackground(page);
    expect(background).toBe(scheme === 'dark' ? 'rgb(28, 28, 30)' : 'rgb(255, 255, 255)');
    const file = path.join(OUT, `report-html-${scheme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await test.info().attach(`report-html-${scheme}`, { path: file, contentType: 'image/png' });
  }
  // Printing stays light even when the screen is dark.
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  const printed = await reportBackground(page);
  expect(printed).toBe('rgb(255, 255, 255)');
  expect(requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:'))).toEqual([]);
});
