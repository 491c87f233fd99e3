// The one IPC contract between the Electron main process and the renderer. Every channel is listed
// here with its request and response (invoke) or its payload (events); the typed wrappers in
// main/electron/ipc-main.ts and main/preload/ipc-renderer.ts accept nothing else.

import type { CheckGroup, RunEvent } from '../contract/check';
import type { PortEntry, ProcessEntry } from '../catalog/schema';
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

interface InvokeChannels {
  'check:start': { request: StartCheckRequest; response: StartCheckResponse };
  'check:cancel': { request: CancelCheckRequest; response: CancelCheckResponse };
  'app:info': { request: null; response: AppInfo };
  'link:open': { request: OpenLinkRequest; response: OpenLinkResponse };
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
}
