import type { AppInfo } from '../../app/ipc/contract';
import { handle, type IpcGuard } from './ipc-main';
import { openExternalSafely } from './navigation';
import type { RunService } from './run-service';

export interface HandlerDeps {
  runs: RunService;
  appInfo: () => Promise<AppInfo>;
  openExternal: (url: string) => Promise<void>;
}

/** Registers every invoke channel of the contract; returns the function that removes them. */
export function registerHandlers(guard: IpcGuard, deps: HandlerDeps): () => void {
  const disposers = [
    handle('check:start', guard, (request) => deps.runs.start(request.groups)),
    handle('check:cancel', guard, (request) => deps.runs.cancel(request.runId)),
    handle('app:info', guard, () => deps.appInfo()),
    handle('link:open', guard, async (request) => ({ opened: await openExternalSafely(request.url, deps.openExternal) })),
  ];
  return () => disposers.forEach((dispose) => dispose());
}
