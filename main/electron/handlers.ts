import type { AppInfo } from '../../app/ipc/contract';
import type { FixSession } from '../fixes/fix-session';
import { handle, type InvokeRegistry, type IpcGuard } from './ipc-main';
import type { RunService } from './run-service';

interface HandlerDeps {
  runs: RunService;
  appInfo: () => Promise<AppInfo>;
  /** Opens an https link in the user's browser; says whether it did. */
  openLink: (url: string) => Promise<boolean>;
  fixes: FixSession;
}

/**
 * Registers every invoke channel of the contract on `ipc` (Electron's ipcMain, or the e2e
 * harness's bus); returns the function that removes them.
 */
export function registerHandlers<Sender>(ipc: InvokeRegistry<Sender>, guard: IpcGuard<Sender>, deps: HandlerDeps): () => void {
  const disposers = [
    handle(ipc, 'check:start', guard, (request) => deps.runs.start(request.groups)),
    handle(ipc, 'check:cancel', guard, (request) => deps.runs.cancel(request.runId)),
    handle(ipc, 'app:info', guard, () => deps.appInfo()),
    handle(ipc, 'link:open', guard, async (request) => ({ opened: await deps.openLink(request.url) })),
    handle(ipc, 'fix:list', guard, (request) => deps.fixes.list(request.runId)),
    handle(ipc, 'fix:preview', guard, (request) => deps.fixes.preview(request)),
    handle(ipc, 'fix:apply', guard, (request) => deps.fixes.apply(request)),
    handle(ipc, 'check:rerun', guard, (request) => deps.fixes.rerun(request)),
  ];
  return () => disposers.forEach((dispose) => dispose());
}
