import { BrowserWindow, clipboard, dialog, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mmToInches, PRINT_HEADER_TEMPLATE, PRINT_MARGINS_MM } from '../../app/report/print-settings';
import { REPORT_FILE_EXTENSIONS, REPORT_FORMAT_NAMES, type ReportFormat } from '../../app/report/support-report';
import { lockDownContents, lockDownSession } from './lockdown';
import type { PdfPrintOptions } from './report-service';

// The Electron side of the support report, kept to the calls themselves: report-service.ts decides.

const PRINT_TIMEOUT_MS = 30_000;
/** The files being printed now: the print session loads these and nothing else. */
const printing = new Set<string>();
let printSession: Electron.Session | undefined;

function lockedPrintSession(): Electron.Session {
  if (printSession) return printSession;
  // In memory (no "persist:"), separate from the app's session.
  printSession = session.fromPartition('sync-doctor-print');
  lockDownSession(printSession);
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !printing.has(details.url) }));
  return printSession;
}

/** The system Save dialog, attached to the app's window; undefined when cancelled. */
export function chooseSavePath(parent: () => BrowserWindow | undefined, folder: string) {
  return async (suggestedName: string, format: ReportFormat): Promise<string | undefined> => {
    const options: Electron.SaveDialogOptions = {
      title: 'Save the support report',
      defaultPath: path.join(folder, suggestedName),
      filters: [{ name: `${REPORT_FORMAT_NAMES[format]} report`, extensions: [REPORT_FILE_EXTENSIONS[format]] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const window = parent();
    const answer = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return answer.canceled || !answer.filePath ? undefined : answer.filePath;
  };
}

export function writeClipboard(text: string): void {
  clipboard.writeText(text);
}

/**
 * Prints the report's HTML in a hidden window of its own: no preload, no JavaScript, an in-memory
 * session that loads nothing but that one file, and a deadline. The window is destroyed after.
 */
export function printHtmlToPdf(log: (message: string) => void) {
  return async (html: string, options: PdfPrintOptions): Promise<Uint8Array> => {
    const folder = await mkdtemp(path.join(tmpdir(), 'sync-doctor-print-'));
    const file = path.join(folder, 'report.html');
    await writeFile(file, html, 'utf8');
    const allowed = pathToFileURL(file).toString();
    printing.add(allowed);
    const window = new BrowserWindow({
      show: false,
      width: 900,
      height: 1200,
      webPreferences: {
        session: lockedPrintSession(),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webgl: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    lockDownContents(window.webContents, log);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('printing took too long')), PRINT_TIMEOUT_MS);
    });
    try {
      await Promise.race([window.loadFile(file), deadline]);
      const pdf = await Promise.race([
        window.webContents.printToPDF({
          printBackground: true,
          pageSize: options.paper,
          margins: {
            top: mmToInches(PRINT_MARGINS_MM.top),
            right: mmToInches(PRINT_MARGINS_MM.right),
            bottom: mmToInches(PRINT_MARGINS_MM.bottom),
            left: mmToInches(PRINT_MARGINS_MM.left),
          },
          displayHeaderFooter: true,
          headerTemplate: PRINT_HEADER_TEMPLATE,
          footerTemplate: options.footerTemplate,
          generateDocumentOutline: true,
          generateTaggedPDF: true,
        }),
        deadline,
      ]);
      return new Uint8Array(pdf);
    } finally {
      clearTimeout(timer);
      printing.delete(allowed);
      if (!window.isDestroyed()) window.destroy();
      await rm(folder, { recursive: true, force: true });
    }
  };
}
