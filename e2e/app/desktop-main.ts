import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { RunEvent } from '../../app/contract/check';
import { DEFAULT_CONCURRENCY } from '../../main/platform/defaults';
import { runEngine } from '../../main/engine/engine';
import { buildAppInfo } from '../../main/electron/app-info';
import { loadDesktopCatalog } from '../../main/electron/catalog-source';
import { desktopFixSession } from '../../main/electron/desktop-fixes';
import { FinishedReports } from '../../main/electron/finished-reports';
import type { GatheredPersonal } from '../../main/report/gather-personal';
import { reportServiceForTests, type ReportSideEffects } from './report-service-for-tests';
import { registerHandlers } from '../../main/electron/handlers';
import { send, type EventReceiver } from '../../main/electron/ipc-main';
import { RunService } from '../../main/electron/run-service';
import { InvokeBus } from '../../test-support/invoke-bus';
import { TEST_ISSUER } from '../fake-internet/world';
import { DELIVER_FUNCTION, INVOKE_BINDING } from './ipc-bindings';

// The desktop app's main process as the Playwright harness runs it, in the test process: the real
// RunService on the real engine and the real registerHandlers, on an in-test IPC bus instead of
// Electron's ipcMain. The page runs the real preload (page-preload.ts). page.exposeBinding carries
// the invokes and tells the handlers' sender check which page and frame each came from.

export interface DesktopApp extends ReportSideEffects {
  /** Every event main sent to the page, in order. */
  events: RunEvent[];
  /** Links the page asked to open. */
  opened: string[];
  /** What the IPC guard logged each time it refused a message. */
  refusals: string[];
  close(): Promise<void>;
}

interface DesktopOptions {
  /** Where the renderer is served: the only origin the sender check accepts. */
  rendererOrigin: string;
  /** The bundled page-preload.ts. */
  preloadScript: string;
  timeoutMs?: number;
  /** What the support report treats as this computer's personal values (default: the real ones). */
  personal?: GatheredPersonal;
}

/** The page's webContents as ipc-main.ts sees it: events reach the page in order, one at a time. */
class PageContents implements EventReceiver {
  private delivery: Promise<void> = Promise.resolve();
  private crashed = false;

  constructor(private readonly page: Page) {
    page.on('crash', () => (this.crashed = true));
  }

  isDestroyed(): boolean {
    return this.page.isClosed();
  }

  isCrashed(): boolean {
    return this.crashed;
  }

  send(channel: string, payload: unknown): void {
    // A page that closes meanwhile just stops receiving, as a destroyed webContents would.
    this.delivery = this.delivery
      .then(() => this.page.evaluate(deliverInPage, { name: DELIVER_FUNCTION, channel, payload }))
      .catch(() => undefined);
  }

  delivered(): Promise<void> {
    return this.delivery;
  }
}

/** Runs in the page: hands one message to the preload's listeners. */
function deliverInPage(message: { name: string; channel: string; payload: unknown }): void {
  const deliver = (globalThis as unknown as Record<string, (channel: string, payload: unknown) => void>)[message.name];
  deliver?.(message.channel, message.payload);
}

export async function startDesktopMain(page: Page, options: DesktopOptions): Promise<DesktopApp> {
  const userData = await mkdtemp(path.join(tmpdir(), 'sync-doctor-userdata-'));
  const contents = new PageContents(page);
  const events: RunEvent[] = [];
  const opened: string[] = [];
  const refusals: string[] = [];
  const timeoutMs = options.timeoutMs ?? 3000;
  // The real fix session, as the desktop app builds it: inside the test namespace, root, so fixes
  // change the namespace's own files (its bind-mounted /etc/hosts) and nothing outside it.
  const fixes = desktopFixSession({
    loadCatalog: () => runs.catalog(),
    engine: { timeoutMs, concurrency: DEFAULT_CONCURRENCY, extraIssuers: [TEST_ISSUER] },
    stateDir: path.join(userData, 'state'),
    log: (m) => refusals.push(m),
  });
  const finished = new FinishedReports();
  const { reports, effects } = reportServiceForTests(page, finished, userData, options.personal, fixes);
  const runs = new RunService({
    loadCatalog: () => loadDesktopCatalog(userData),
    runEngine,
    emit: (event) => {
      fixes.observe(event);
      finished.observe(event);
      events.push(event);
      send(contents, 'check:event', event);
    },
    timeoutMs,
    concurrency: DEFAULT_CONCURRENCY,
    extraIssuers: [TEST_ISSUER],
  });
  const bus = new InvokeBus<EventReceiver>();
  const unregister = registerHandlers(
    bus,
    {
      trustedPage: { kind: 'dev-server', origin: options.rendererOrigin },
      isKnownWindow: (sender) => sender === contents,
      log: (m) => refusals.push(m),
    },
    {
      runs,
      appInfo: async () => buildAppInfo({ name: 'Sync Doctor', version: 'e2e' }, await runs.catalog()),
      // Tests never open a browser: the link is recorded and reported as not opened.
      openLink: (url) => {
        opened.push(url);
        return Promise.resolve(false);
      },
      fixes,
      reports,
    },
  );
  await page.exposeBinding(INVOKE_BINDING, (source, channel: unknown, payload: unknown) =>
    bus.invoke(String(channel), payload, {
      sender: contents,
      senderFrame: { url: source.frame.url(), parent: source.frame.parentFrame() },
    }),
  );
  await page.addInitScript({ path: options.preloadScript });
  return {
    ...effects,
    events,
    opened,
    refusals,
    async close() {
      await runs.stopAll();
      unregister();
      await contents.delivered();
      await rm(userData, { recursive: true, force: true });
    },
  };
}
