import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type * as z from 'zod/mini';
import type { RunEvent } from '../../app/contract/check';
import type { InvokeChannel, RequestOf, ResponseOf } from '../../app/ipc/contract';
import { eventSchemas, requestSchemas, validate } from '../../app/ipc/schemas';
import { DEFAULT_CONCURRENCY } from '../../main/cli/defaults';
import { runEngine } from '../../main/engine/engine';
import { buildAppInfo } from '../../main/electron/app-info';
import { loadDesktopCatalog } from '../../main/electron/catalog-source';
import { RunService } from '../../main/electron/run-service';
import { FinishedReports } from '../../main/electron/finished-reports';
import { ReportService } from '../../main/electron/report-service';
import { gatherPersonal, thisSystem, type GatheredPersonal } from '../../main/report/gather-personal';
import { PRINT_HEADER_TEMPLATE, PRINT_MARGINS_MM } from '../../app/report/print-settings';
import { writeFile } from 'node:fs/promises';
import { TEST_ISSUER } from '../fake-internet/world';

// Stands in for main/preload in plain Chromium: window.syncDoctor has the same shape, and each
// call goes to the real main-side code (RunService on the real engine) in the test process.

export interface EmulatedApp {
  /** Every event sent to the page, in order. */
  events: RunEvent[];
  /** Links the page asked to open. */
  opened: string[];
  /** Reports saved through the stand-in Save dialog (into a temporary folder), in order. */
  saved: { suggestedName: string; file: string }[];
  /** What was put on the clipboard. */
  clipboard: string[];
  /** The next Save dialog is cancelled, as a person closing it would. */
  cancelNextSave(): void;
  close(): Promise<void>;
}

const PAGE_SIDE = `(() => {
  const listeners = new Set();
  window.__syncDoctorDispatch = (event) => { for (const listener of listeners) listener(event); };
  const invoke = (channel, request) => window.__syncDoctorInvoke(channel, request);
  window.syncDoctor = Object.freeze({
    startCheck: (request) => invoke('check:start', request),
    cancelCheck: (runId) => invoke('check:cancel', { runId }),
    onRunEvent: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
    appInfo: () => invoke('app:info', null),
    openLink: (url) => invoke('link:open', { url }),
    previewReport: (request) => invoke('report:preview', request),
    saveReport: (request) => invoke('report:save', request),
    copyReportForForum: (request) => invoke('report:copy', request),
  });
})();`;

/** Runs in the page: hands one event to the listeners the emulated preload keeps. */
function dispatchInPage(event: RunEvent): void {
  (globalThis as unknown as { __syncDoctorDispatch(event: RunEvent): void }).__syncDoctorDispatch(event);
}

export async function emulatePreload(page: Page, options: { timeoutMs?: number; personal?: GatheredPersonal } = {}): Promise<EmulatedApp> {
  const userData = await mkdtemp(path.join(tmpdir(), 'sync-doctor-userdata-'));
  const events: RunEvent[] = [];
  const finished = new FinishedReports();
  let delivery = Promise.resolve();
  const runs = new RunService({
    loadCatalog: () => loadDesktopCatalog(userData),
    runEngine,
    emit: (event) => {
      const checked = validate(eventSchemas['check:event'], event);
      if (!checked.ok) throw new Error(`The engine sent an event the contract rejects: ${checked.problem}`);
      events.push(event);
      finished.observe(event);
      // In order, one after another, like IPC messages; a closed page just stops receiving.
      delivery = delivery.then(() => page.evaluate(dispatchInPage, event)).catch(() => undefined);
    },
    timeoutMs: options.timeoutMs ?? 3000,
    concurrency: DEFAULT_CONCURRENCY,
    extraIssuers: [TEST_ISSUER],
  });
  const opened: string[] = [];
  const saved: EmulatedApp['saved'] = [];
  const clipboard: string[] = [];
  let cancelNextSave = false;
  const reports = new ReportService({
    finishedReport: (runId) => finished.get(runId),
    gatherPersonal: () =>
      options.personal ? Promise.resolve(options.personal) : gatherPersonal(thisSystem(), AbortSignal.timeout(10_000)),
    catalog: async () => (await loadDesktopCatalog(userData)).catalog,
    appVersion: 'e2e',
    // The system Save dialog, answered as a person would: the suggested name, in a folder of the test's.
    chooseSavePath: (suggestedName) => {
      if (cancelNextSave) {
        cancelNextSave = false;
        return Promise.resolve(undefined);
      }
      const file = path.join(userData, suggestedName);
      saved.push({ suggestedName, file });
      return Promise.resolve(file);
    },
    writeFile: (file, data) => writeFile(file, data),
    writeClipboard: (text) => clipboard.push(text),
    // Chromium's print path, as webContents.printToPDF uses in the app, with the same settings.
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
  const handlers: { [C in InvokeChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C> } = {
    'check:start': (request) => runs.start(request.groups),
    'check:cancel': (request) => runs.cancel(request.runId),
    'app:info': async () => buildAppInfo({ name: 'Sync Doctor', version: 'e2e' }, await loadDesktopCatalog(userData)),
    // Tests never open a browser: the link is recorded and reported as not opened.
    'link:open': (request) => {
      opened.push(request.url);
      return { opened: false };
    },
    'report:preview': (request) => reports.preview(request),
    'report:save': (request) => reports.save(request),
    'report:copy': (request) => reports.copy(request),
  };
  await page.exposeBinding('__syncDoctorInvoke', (_source, channel: unknown, request: unknown) => {
    if (typeof channel !== 'string' || !(channel in handlers)) throw new Error(`Unknown channel ${String(channel)}`);
    return route(channel as InvokeChannel, request);
  });
  // Same validation as main/electron/ipc-main.ts: the page's requests are outside input here too.
  function route<C extends InvokeChannel>(channel: C, request: unknown): Promise<ResponseOf<C>> | ResponseOf<C> {
    const parsed = validate<z.ZodMiniType<RequestOf<C>>>(requestSchemas[channel], request);
    if (!parsed.ok) throw new Error(`Invalid request: ${parsed.problem}`);
    return handlers[channel](parsed.value);
  }
  await page.addInitScript(PAGE_SIDE);
  return {
    events,
    opened,
    saved,
    clipboard,
    cancelNextSave() {
      cancelNextSave = true;
    },
    async close() {
      await runs.stopAll();
      await delivery;
      await rm(userData, { recursive: true, force: true });
    },
  };
}
