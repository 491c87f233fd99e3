// The one IPC contract between the Electron main process and the renderer. Every channel is listed
// here with its request and response (invoke) or its payload (events); the typed wrappers in
// main/electron/ipc-main.ts and main/preload/ipc-renderer.ts accept nothing else.

import type { CheckGroup, CheckResult, RunEvent } from '../contract/check';
import type { PortEntry, ProcessEntry } from '../catalog/schema';
import type { FindingId, FixId } from '../diagnosis/finding';
import type { FixAttempt } from '../fixes/attempt';
import type { FixOffer, FixPreview } from '../fixes/preview';
import type { HiddenItem, HiddenKind } from '../report/redact/placeholders';
import type { HtmlElement } from '../report/render/html-tree';
import type { ReportFormat } from '../report/support-report';
import type { AppLink } from '../links';

interface StartCheckRequest {
  groups: CheckGroup[];
}

export type StartCheckResponse = { ok: true; runId: string } | { ok: false; why: 'busy' | 'internal'; message: string };

interface CancelCheckRequest {
  runId: string;
}

export interface CancelCheckResponse {
  /** False when no run with that id was going (already finished or never started). */
  cancelled: boolean;
}

interface OpenLinkRequest {
  /** One of the app's own links (app/links.ts): main opens no other address. */
  url: AppLink;
}

interface OpenLinkResponse {
  opened: boolean;
}

/** What the renderer needs to lay out the screens before any check has run. */
export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  arch: string;
  catalog: {
    version: string;
    updated: string;
    /** "built-in" or the path of the user's catalog.json. */
    source: string;
    /** Set when the user's catalog.json exists but cannot be used; the built-in one is shown. */
    problem?: string;
    ports: PortEntry[];
    processes: ProcessEntry[];
  };
}

/** Why main refused a fix request: not a fix it offered for this run, an older run, or busy. */
export type FixRefusal = { ok: false; why: 'no-run' | 'stale' | 'unknown' | 'not-previewed' | 'busy' | 'internal'; message: string };

interface FixListRequest {
  runId: string;
}

/** A fix is named only by the ids main offered for a finding of the run. */
interface FixRequest {
  runId: string;
  findingId: FindingId;
  fixId: FixId;
}

export type FixListResponse = { ok: true; offers: FixOffer[] } | FixRefusal;
export type FixPreviewResponse = { ok: true; preview: FixPreview } | FixRefusal;
/** The attempt says how it went (applied, cancelled, needs-admin...) and the re-check before and after. */
export type FixApplyResponse = { ok: true; attempt: FixAttempt } | FixRefusal;

interface RerunChecksRequest {
  runId: string;
  /** Ids of checks of that run. */
  checkIds: string[];
}

export type RerunChecksResponse = { ok: true; results: CheckResult[] } | FixRefusal;
/** Which run's report, in which format, and what the person chose. Main builds it; the renderer never names a file. */
export interface ReportRequest {
  runId: string;
  format: ReportFormat;
  /** Off by default: names, serials and local addresses are replaced by placeholders. */
  includePersonal: boolean;
  /** The error code the person saw (3194, -54, 0xE8000015), when they gave one. */
  errorCode?: string;
}

export type CopyReportRequest = Omit<ReportRequest, 'format'>;

/** The report exactly as it would be saved: the HTML body's elements (HTML and PDF), or the text (Markdown, JSON). */
export type ReportPreview = { kind: 'document'; body: HtmlElement; paper: boolean } | { kind: 'text'; text: string };

type ReportTrouble = { why: 'no-report' | 'internal'; message: string };

export type PreviewReportResponse =
  | {
      ok: true;
      format: ReportFormat;
      preview: ReportPreview;
      /** What was hidden, by placeholder and kind (never the values). */
      hidden: HiddenItem[];
      /** The placeholders as they are written in this format, for the preview to mark. */
      marks: { text: string; kind: HiddenKind }[];
    }
  | ({ ok: false } & ReportTrouble);

export type SaveReportResponse =
  | { outcome: 'saved'; fileName: string }
  | { outcome: 'cancelled' }
  | { outcome: 'failed'; why: 'no-report' | 'write-failed' | 'internal'; message: string };

export type CopyReportResponse = { outcome: 'copied'; characters: number } | ({ outcome: 'failed' } & ReportTrouble);

interface InvokeChannels {
  'check:start': { request: StartCheckRequest; response: StartCheckResponse };
  'check:cancel': { request: CancelCheckRequest; response: CancelCheckResponse };
  'app:info': { request: null; response: AppInfo };
  'link:open': { request: OpenLinkRequest; response: OpenLinkResponse };
  'fix:list': { request: FixListRequest; response: FixListResponse };
  'fix:preview': { request: FixRequest; response: FixPreviewResponse };
  'fix:apply': { request: FixRequest; response: FixApplyResponse };
  'check:rerun': { request: RerunChecksRequest; response: RerunChecksResponse };
  'report:preview': { request: ReportRequest; response: PreviewReportResponse };
  'report:save': { request: ReportRequest; response: SaveReportResponse };
  'report:copy': { request: CopyReportRequest; response: CopyReportResponse };
}

export interface EventChannels {
  'check:event': RunEvent;
}

export type InvokeChannel = keyof InvokeChannels;
export type EventChannel = keyof EventChannels;
export type RequestOf<C extends InvokeChannel> = InvokeChannels[C]['request'];
export type ResponseOf<C extends InvokeChannel> = InvokeChannels[C]['response'];

/** The API the preload puts on `window.syncDoctor`: named operations, no generic IPC. */
export interface SyncDoctorApi {
  startCheck(request: StartCheckRequest): Promise<StartCheckResponse>;
  cancelCheck(runId: string): Promise<CancelCheckResponse>;
  /** Calls `listener` for every run event; returns the function that unsubscribes. */
  onRunEvent(listener: (event: RunEvent) => void): () => void;
  appInfo(): Promise<AppInfo>;
  /** Opens one of the app's own links (app/links.ts) in the user's browser; anything else is refused. */
  openLink(url: AppLink): Promise<OpenLinkResponse>;
  /** The fixes main offers for the findings of that (finished) run. */
  listFixes(runId: string): Promise<FixListResponse>;
  /** Exactly what an offered fix would do; nothing changes. */
  previewFix(request: FixRequest): Promise<FixPreviewResponse>;
  /** Applies a previewed fix (asking for administrator rights once, if it needs them), then re-checks. */
  applyFix(request: FixRequest): Promise<FixApplyResponse>;
  /** Runs some checks of that run again. */
  rerunChecks(request: RerunChecksRequest): Promise<RerunChecksResponse>;
  /** The support report of a finished run, as it would be saved, with what was hidden. */
  previewReport(request: ReportRequest): Promise<PreviewReportResponse>;
  /** Opens the system Save dialog (main picks and writes the file) and saves the report in that format. */
  saveReport(request: ReportRequest): Promise<SaveReportResponse>;
  /** Puts the Markdown report on the clipboard, for a forum post or a ticket. */
  copyReportForForum(request: CopyReportRequest): Promise<CopyReportResponse>;
}
