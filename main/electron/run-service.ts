import { randomUUID } from 'node:crypto';
import type { CheckGroup, Report, RunEvent } from '../../app/contract/check';
import type { CancelCheckResponse, StartCheckResponse } from '../../app/ipc/contract';
import type { EngineOptions } from '../engine/engine';
import type { DesktopCatalog } from './catalog-source';

// Owns the desktop app's runs: one at a time, each with its own id and AbortController, and the
// catalog they run from. Free of Electron: the IPC handlers drive it, in the app and in the
// Playwright harness alike.

interface RunServiceDeps {
  /** Reads the catalog; called once per run (so an edited catalog.json counts from the next run) and once before the first. */
  loadCatalog: () => Promise<DesktopCatalog>;
  runEngine: (options: EngineOptions, emit: (event: RunEvent) => void) => Promise<Report>;
  /** Delivers an event to the renderer (the caller drops it when the window is gone). */
  emit: (event: RunEvent) => void;
  timeoutMs: number;
  concurrency: number;
  extraIssuers?: readonly string[];
  dns?: EngineOptions['dns'];
  newRunId?: () => string;
  log?: (message: string) => void;
}

interface ActiveRun {
  runId: string;
  controller: AbortController;
  done: Promise<unknown>;
}

export class RunService {
  private active: ActiveRun | undefined;
  private loaded: Promise<DesktopCatalog> | undefined;

  constructor(private readonly deps: RunServiceDeps) {}

  async start(groups: readonly CheckGroup[]): Promise<StartCheckResponse> {
    const previous = this.active;
    if (previous && !previous.controller.signal.aborted) {
      return { ok: false, why: 'busy', message: 'A check is already running. Cancel it or wait for it to finish.' };
    }
    // A cancelled run stops within a fraction of a second; let it finish before the next begins.
    if (previous) await previous.done;
    if (this.active) return { ok: false, why: 'busy', message: 'A check is already running.' };

    const runId = (this.deps.newRunId ?? randomUUID)();
    const controller = new AbortController();
    const run: ActiveRun = { runId, controller, done: Promise.resolve() };
    this.active = run;
    try {
      const catalog = await this.deps.loadCatalog();
      this.loaded = Promise.resolve(catalog);
      run.done = this.deps
        .runEngine(
          {
            catalog: catalog.catalog,
            catalogSource: catalog.source,
            groups,
            timeoutMs: this.deps.timeoutMs,
            concurrency: this.deps.concurrency,
            signal: controller.signal,
            runId,
            ...(this.deps.extraIssuers ? { extraIssuers: this.deps.extraIssuers } : {}),
            ...(this.deps.dns ? { dns: this.deps.dns } : {}),
          },
          (event) => this.deps.emit(event),
        )
        .catch((error: unknown) => this.deps.log?.(`run ${runId} failed: ${String(error)}`))
        .finally(() => {
          if (this.active === run) this.active = undefined;
        });
      return { ok: true, runId };
    } catch (error) {
      if (this.active === run) this.active = undefined;
      return { ok: false, why: 'internal', message: `The check could not start: ${(error as Error).message}` };
    }
  }

  /**
   * The catalog the last run used, or before any run the one the first will most likely use: what
   * app info shows, so the screens and the run never describe two different catalogs.
   */
  catalog(): Promise<DesktopCatalog> {
    this.loaded ??= this.deps.loadCatalog().catch((error: unknown) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  cancel(runId: string): CancelCheckResponse {
    if (!this.active || this.active.runId !== runId || this.active.controller.signal.aborted) return { cancelled: false };
    this.active.controller.abort();
    return { cancelled: true };
  }

  /** Stops whatever runs (the window closed or the app quits) and waits for it to wind down. */
  async stopAll(): Promise<void> {
    const run = this.active;
    if (!run) return;
    run.controller.abort();
    await run.done;
  }

  get runningId(): string | undefined {
    return this.active?.runId;
  }
}
