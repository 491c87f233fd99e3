import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { attemptsSince } from '../../app/report/from-fix-attempts';
import type { FixSession } from '../../main/fixes/fix-session';
import { PRINT_HEADER_TEMPLATE, PRINT_MARGINS_MM } from '../../app/report/print-settings';
import { loadDesktopCatalog } from '../../main/electron/catalog-source';
import type { FinishedReports } from '../../main/electron/finished-reports';
import { ReportService } from '../../main/electron/report-service';
import { gatherPersonal, thisSystem, type GatheredPersonal } from '../../main/report/gather-personal';

/** What the stand-ins for Electron's dialog and clipboard recorded. */
export interface ReportSideEffects {
  /** Reports saved through the stand-in Save dialog (into the test's folder), in order. */
  saved: { suggestedName: string; file: string }[];
  /** What was put on the clipboard. */
  clipboard: string[];
  /** The next Save dialog is cancelled, as a person closing it would. */
  cancelNextSave(): void;
}

/**
 * The real ReportService as main builds it, with only Electron's pieces stood in for: the Save
 * dialog answers with a file in the test's folder, the clipboard is a list, and PDFs are printed
 * by Chromium's print path (what webContents.printToPDF uses) with the app's print settings.
 */
export function reportServiceForTests(
  page: Page,
  finished: FinishedReports,
  userData: string,
  personal: GatheredPersonal | undefined,
  fixes: Pick<FixSession, 'attempts'>,
): { reports: ReportService; effects: ReportSideEffects } {
  let cancelNext = false;
  const effects: ReportSideEffects = { saved: [], clipboard: [], cancelNextSave: () => (cancelNext = true) };
  const reports = new ReportService({
    finishedReport: (runId) => finished.get(runId),
    fixAttempts: (runId) => attemptsSince(finished.get(runId)?.startedAt, fixes.attempts),
    gatherPersonal: () => (personal ? Promise.resolve(personal) : gatherPersonal(thisSystem(), AbortSignal.timeout(10_000))),
    catalog: async () => (await loadDesktopCatalog(userData)).catalog,
    appVersion: 'e2e',
    chooseSavePath: (suggestedName) => {
      if (cancelNext) {
        cancelNext = false;
        return Promise.resolve(undefined);
      }
      const file = path.join(userData, suggestedName);
      effects.saved.push({ suggestedName, file });
      return Promise.resolve(file);
    },
    writeFile: (file, data) => writeFile(file, data),
    writeClipboard: (text) => effects.clipboard.push(text),
    printToPdf: async (html, print) => {
      const printer = await page.context().newPage();
      try {
        await printer.setContent(html, { waitUntil: 'load' });
        const mm = (value: number) => `${value}mm`;
        return new Uint8Array(
          await printer.pdf({
            format: print.paper,
            printBackground: true,
            displayHeaderFooter: true,
            headerTemplate: PRINT_HEADER_TEMPLATE,
            footerTemplate: print.footerTemplate,
            margin: {
              top: mm(PRINT_MARGINS_MM.top),
              right: mm(PRINT_MARGINS_MM.right),
              bottom: mm(PRINT_MARGINS_MM.bottom),
              left: mm(PRINT_MARGINS_MM.left),
            },
            outline: true,
            tagged: true,
          }),
        );
      } finally {
        await printer.close();
      }
    },
    paper: 'A4',
    log: () => undefined,
  });
  return { reports, effects };
}
