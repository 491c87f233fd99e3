// The support report: how long rendering all four formats takes for a 60-check report (about the
// built-in catalog's size), with personal data planted so redaction has its real work. Prints
// figures, asserts nothing. The PDF is the HTML printed by Debian's Chromium through Playwright,
// the same print path as webContents.printToPDF in the app.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSupportReport } from '../app/report/build';
import { PRINT_HEADER_TEMPLATE, PRINT_MARGINS_MM, printFooterTemplate } from '../app/report/print-settings';
import { redactReport } from '../app/report/redact/redact-report';
import { renderHtml } from '../app/report/render/html-document';
import { renderJson } from '../app/report/render/json';
import { renderMarkdown } from '../app/report/render/markdown';
import { largeReport, PLANTED, plantedFixes, plantedPersonalValues } from '../app/report/test-fixtures';

const ROUNDS = 30;
const PDF_ROUNDS = 5;
const CHECKS = 60;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function time<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

// Not bundled: Playwright is loaded from node_modules at run time.
interface Page {
  setContent(html: string, options: { waitUntil: 'load' }): Promise<void>;
  pdf(options: Record<string, unknown>): Promise<Buffer>;
}
interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
const { chromium } = createRequire(path.resolve('package.json'))('playwright-core') as {
  chromium: { launch(options: { executablePath: string; args: string[] }): Promise<Browser> };
};

async function main(): Promise<void> {
  const run = largeReport(CHECKS);
  const figures = { prepare: [] as number[], md: [] as number[], html: [] as number[], json: [] as number[] };
  let html = '';
  let markdownLength = 0;
  let jsonLength = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const prepared = time(() => {
      const draft = buildSupportReport({ report: run, syncDoctorVersion: 'bench', fixes: plantedFixes(), errorCode: '3194', identity: { computerName: PLANTED.computer } });
      return redactReport(draft, { personal: plantedPersonalValues(), includePersonal: false });
    });
    const safe = prepared.value.report;
    const md = time(() => renderMarkdown(safe));
    const page = time(() => renderHtml(safe));
    const json = time(() => renderJson(safe));
    figures.prepare.push(prepared.ms);
    figures.md.push(md.ms);
    figures.html.push(page.ms);
    figures.json.push(json.ms);
    html = page.value;
    markdownLength = md.value.length;
    jsonLength = json.value.length;
  }

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const pdfTimes: number[] = [];
  let pdfBytes = 0;
  try {
    for (let round = 0; round < PDF_ROUNDS; round += 1) {
      const page = await browser.newPage();
      const start = performance.now();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: PRINT_HEADER_TEMPLATE,
        footerTemplate: printFooterTemplate('2026-12-02'),
        margin: { top: `${PRINT_MARGINS_MM.top}mm`, right: `${PRINT_MARGINS_MM.right}mm`, bottom: `${PRINT_MARGINS_MM.bottom}mm`, left: `${PRINT_MARGINS_MM.left}mm` },
      });
      pdfTimes.push(performance.now() - start);
      pdfBytes = pdf.length;
    }
  } finally {
    await browser.close();
  }

  const total = median(figures.prepare) + median(figures.md) + median(figures.html) + median(figures.json) + median(pdfTimes);
  console.log(`support report, ${CHECKS} checks (medians: ${ROUNDS} rounds, PDF ${PDF_ROUNDS} in a warm Chromium)`);
  console.log(`  model + redaction  ${ms(median(figures.prepare))}`);
  console.log(`  Markdown           ${ms(median(figures.md))}  (${markdownLength.toLocaleString('en-US')} characters)`);
  console.log(`  HTML               ${ms(median(figures.html))}  (${html.length.toLocaleString('en-US')} characters)`);
  console.log(`  JSON               ${ms(median(figures.json))}  (${jsonLength.toLocaleString('en-US')} characters)`);
  console.log(`  PDF (print)        ${ms(median(pdfTimes))}  (${Math.round(pdfBytes / 1024)} KB)`);
  console.log(`  all four formats   ${ms(total)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
