// How the report is printed to PDF: the same for Electron's webContents.printToPDF in the app and
// Playwright's page.pdf in the tests (both Chromium's print path).

import { escapeHtml } from './render/html-tree';
import { REPORT_TITLE } from './render/words';

export const PRINT_MARGINS_MM = { top: 14, right: 12, bottom: 16, left: 12 } as const;

export type PaperSize = 'A4' | 'Letter';

/** Where Letter is the usual paper; everywhere else A4. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'PR', 'GT', 'CR', 'PA', 'DO', 'SV', 'NI', 'BZ']);

/** Paper for a locale such as "en-US" or "fr_CA". */
export function paperSizeFor(locale: string): PaperSize {
  const region = locale.split(/[-_]/)[1]?.toUpperCase();
  return region !== undefined && LETTER_REGIONS.has(region) ? 'Letter' : 'A4';
}

/** The footer Chromium prints in the bottom margin; without a font size its text prints tiny. */
export function printFooterTemplate(date: string): string {
  return `<div style="font-family: system-ui, sans-serif; font-size: 8px; color: #5a5a62; width: 100%; padding: 0 12mm; display: flex; justify-content: space-between;"><span>${escapeHtml(
    `${REPORT_TITLE} · ${date}`,
  )}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

/** An empty header: Chromium's default one prints the page title and date in tiny type. */
export const PRINT_HEADER_TEMPLATE = '<span></span>';

export function mmToInches(mm: number): number {
  return mm / 25.4;
}
