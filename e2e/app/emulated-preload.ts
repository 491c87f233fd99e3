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
import { TEST_ISSUER } from '../fake-internet/world';

// Stands in for main/preload in plain Chromium: window.syncDoctor has the same shape, and each
// call goes to the real main-side code (RunService on the real engine) in the test process.

export interface EmulatedApp {
  /** Every event sent to the page, in order. */
  events: RunEvent[];
  /** Links the page asked to open. */
  opened: string[];
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
  });
})();`;

/** Runs in the page: hands one event to the listeners the emulated preload keeps. */
function dispatchInPage(event: RunEvent): void {
  (globalThis as unknown as { __syncDoctorDispatch(event: RunEvent): void }).__syncDoctorDispatch(event);
}

export async function emulatePreload(page: Page, options: { timeoutMs?: number } = {}): Promise<EmulatedApp> {
  const userData = await mkdtemp(path.join(tmpdir(), 'sync-doctor-userdata-'));
  const events: RunEvent[] = [];
  let delivery = Promise.resolve();
  const runs = new RunService({
    loadCatalog: () => loadDesktopCatalog(userData),
    runEngine,
    emit: (event) => {
      const checked = validate(eventSchemas['check:event'], event);
      if (!checked.ok) throw new Error(`The engine sent an event the contract rejects: ${checked.problem}`);
      events.push(event);
      // In order, one after another, like IPC messages; a closed page just stops receiving.
      delivery = delivery.then(() => page.evaluate(dispatchInPage, event)).catch(() => undefined);
    },
    timeoutMs: options.timeoutMs ?? 3000,
    concurrency: DEFAULT_CONCURRENCY,
    extraIssuers: [TEST_ISSUER],
  });
  const opened: string[] = [];
  const handlers: { [C in InvokeChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C> } = {
    'check:start': (request) => runs.start(request.groups),
    'check:cancel': (request) => runs.cancel(request.runId),
    'app:info': async () => buildAppInfo({ name: 'Sync Doctor', version: 'e2e' }, await runs.catalog()),
    // Tests never open a browser: the link is recorded and reported as not opened.
    'link:open': (request) => {
      opened.push(request.url);
      return { opened: false };
    },
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
    async close() {
      await runs.stopAll();
      await delivery;
      await rm(userData, { recursive: true, force: true });
    },
  };
}
