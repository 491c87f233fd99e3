import type { AppInfo } from '../../app/ipc/contract';
import type { FixSession } from '../fixes/fix-session';
import { handle, type IpcGuard } from './ipc-main';
import type { RunService } from './run-service';

interface HandlerDeps {
  runs: RunService;
  appInfo: () => Promise<AppInfo>;
  /** Opens an https link in the user's browser; says whether it did. */
  openLink: (url: string) => Promise<boolean>;
  fixes: FixSession;
}

/** Registers every invoke channel of the contract; returns the function that removes them. */
export function registerHandlers(guard: IpcGuard, deps: HandlerDeps): () => void {
  const disposers = [
    handle('check:start', guard, (request) => deps.runs.start(request.groups)),
    handle('check:cancel', guard, (request) => deps.runs.cancel(request.runId)),
    handle('app:info', guard, () => deps.appInfo()),
    handle('link:open', guard, async (request) => ({ opened: await deps.openLink(request.url) })),
    handle('fix:list', guard, (request) => deps.fixes.list(request.runId)),
    handle('fix:preview', guard, (request) => deps.fixes.preview(request)),
    handle('fix:apply', guard, (request) => deps.fixes.apply(request)),
    handle('check:rerun', guard, (request) => deps.fixes.rerun(request)),
  ];
  return () => disposers.forEach((dispose) => dispose());
}
