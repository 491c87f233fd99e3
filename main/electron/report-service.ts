import path from 'node:path';
import type { Catalog } from '../../app/catalog/schema';
import type { Report } from '../../app/contract/check';
import type {
  CopyReportRequest,
  CopyReportResponse,
  PreviewReportResponse,
  ReportRequest,
  SaveReportResponse,
} from '../../app/ipc/contract';
import { normalizeErrorCode } from '../../app/report/error-code';
import type { FixAttempt } from '../../app/report/fix-attempt';
import { prepareReport } from '../../app/report/prepare';
import { printFooterTemplate, type PaperSize } from '../../app/report/print-settings';
import type { HiddenKind } from '../../app/report/redact/placeholders';
import type { RedactionResult } from '../../app/report/redact/redact-report';
import { buildHtmlBody } from '../../app/report/render/html-body';
import { renderHtml } from '../../app/report/render/html-document';
import { placeholderAsWritten, renderReportText } from '../../app/report/render/render';
import { REPORT_FILE_EXTENSIONS, type ReportFormat } from '../../app/report/support-report';
import type { GatheredPersonal } from '../report/gather-personal';

// The desktop app's support report: preview, save, copy. Main builds every byte from the run it
// kept; the renderer only says which run, which format and what the person chose. Free of Electron:
// the Save dialog, the file system, the clipboard and printing come in as functions.

export interface PdfPrintOptions {
  paper: PaperSize;
  footerTemplate: string;
}

export interface ReportServiceDeps {
  finishedReport(runId: string): Report | undefined;
  /** The fixes tried since that run (main/fixes), when there were any. */
  fixAttempts?(runId: string): readonly FixAttempt[];
  gatherPersonal(): Promise<GatheredPersonal>;
  /** The catalog the runs use: its hosts are never hidden. */
  catalog(): Promise<Catalog>;
  appVersion: string;
  /** The system Save dialog; undefined when the person cancels it. */
  chooseSavePath(suggestedName: string, format: ReportFormat): Promise<string | undefined>;
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  writeClipboard(text: string): void;
  /** The HTML printed by Chromium (webContents.printToPDF in the app). */
  printToPdf(html: string, options: PdfPrintOptions): Promise<Uint8Array>;
  paper: PaperSize;
  log(message: string): void;
}

const NO_REPORT = 'That run is no longer the last one finished: run the check again to make a report.';

export class ReportService {
  /** Gathered once per run: it asks the system for the Wi-Fi network, and a preview follows every click. */
  private personal: { runId: string; values: Promise<GatheredPersonal> } | undefined;

  constructor(private readonly deps: ReportServiceDeps) {}

  async preview(request: ReportRequest): Promise<PreviewReportResponse> {
    try {
      const prepared = await this.prepare(request);
      if (!prepared) return { ok: false, why: 'no-report', message: NO_REPORT };
      const { report, hidden } = prepared;
      const documentLike = request.format === 'html' || request.format === 'pdf';
      const written = new Map<string, HiddenKind>();
      for (const item of hidden) {
        if (documentLike) written.set(item.placeholder, item.kind);
        else if (request.format === 'json') written.set(placeholderAsWritten(item.placeholder, 'json'), item.kind);
        else {
          const asWritten = placeholderAsWritten(item.placeholder, 'md');
          written.set(asWritten, item.kind);
          // Before "(", "[" or ":" Markdown needs the closing bracket escaped too.
          if (asWritten.endsWith(']')) written.set(`${asWritten.slice(0, -1)}\\]`, item.kind);
        }
      }
      return {
        ok: true,
        format: request.format,
        preview: documentLike
          ? { kind: 'document', body: buildHtmlBody(report), paper: request.format === 'pdf' }
          : { kind: 'text', text: renderReportText(report, request.format === 'json' ? 'json' : 'md') },
        hidden,
        marks: [...written].map(([text, kind]) => ({ text, kind })),
      };
    } catch (error) {
      this.deps.log(`report preview failed: ${String(error)}`);
      return { ok: false, why: 'internal', message: `The report could not be made: ${(error as Error).message}` };
    }
  }

  async save(request: ReportRequest): Promise<SaveReportResponse> {
    let data: string | Uint8Array;
    let startedAt: string;
    try {
      const prepared = await this.prepare(request);
      if (!prepared) return { outcome: 'failed', why: 'no-report', message: NO_REPORT };
      startedAt = prepared.report.startedAt;
      data =
        request.format === 'pdf'
          ? await this.deps.printToPdf(renderHtml(prepared.report), {
              paper: this.deps.paper,
              footerTemplate: printFooterTemplate(startedAt.slice(0, 10)),
            })
          : renderReportText(prepared.report, request.format);
    } catch (error) {
      this.deps.log(`report could not be made: ${String(error)}`);
      return { outcome: 'failed', why: 'internal', message: `The report could not be made: ${(error as Error).message}` };
    }
    const file = await this.deps.chooseSavePath(suggestedFileName(startedAt, request.format), request.format);
    if (file === undefined) return { outcome: 'cancelled' };
    try {
      await this.deps.writeFile(file, data);
    } catch (error) {
      return { outcome: 'failed', why: 'write-failed', message: `Could not save ${path.basename(file)}: ${(error as Error).message}` };
    }
    return { outcome: 'saved', fileName: path.basename(file) };
  }

  async copy(request: CopyReportRequest): Promise<CopyReportResponse> {
    try {
      const prepared = await this.prepare({ ...request, format: 'md' });
      if (!prepared) return { outcome: 'failed', why: 'no-report', message: NO_REPORT };
      const markdown = renderReportText(prepared.report, 'md');
      this.deps.writeClipboard(markdown);
      return { outcome: 'copied', characters: markdown.length };
    } catch (error) {
      this.deps.log(`report copy failed: ${String(error)}`);
      return { outcome: 'failed', why: 'internal', message: `The report could not be copied: ${(error as Error).message}` };
    }
  }

  private async prepare(request: ReportRequest): Promise<RedactionResult | undefined> {
    const report = this.deps.finishedReport(request.runId);
    if (!report) return undefined;
    if (this.personal?.runId !== request.runId) this.personal = { runId: request.runId, values: this.deps.gatherPersonal() };
    const [personal, catalog] = await Promise.all([this.personal.values, this.deps.catalog()]);
    const errorCode = request.errorCode !== undefined ? normalizeErrorCode(request.errorCode) : undefined;
    return prepareReport({
      report,
      syncDoctorVersion: this.deps.appVersion,
      fixes: this.deps.fixAttempts?.(request.runId) ?? [],
      includePersonal: request.includePersonal,
      personal: personal.values,
      identity: personal.identity,
      catalog,
      ...(errorCode !== undefined ? { errorCode } : {}),
    });
  }
}

/** "sync-doctor-report-2026-12-02-0953.pdf": when the check ran, nothing about who ran it. */
export function suggestedFileName(startedAt: string, format: ReportFormat): string {
  const stamp = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(startedAt);
  const when = stamp ? `${stamp[1]}-${stamp[2]}${stamp[3]}` : 'latest';
  return `sync-doctor-report-${when}.${REPORT_FILE_EXTENSIONS[format]}`;
}
