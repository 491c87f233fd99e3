import type { AppInfo } from '../../app/ipc/contract';
import { handle, type IpcGuard } from './ipc-main';
import type { ReportService } from './report-service';
import type { RunService } from './run-service';

interface HandlerDeps {
  runs: RunService;
  appInfo: () => Promise<AppInfo>;
  /** Opens an https link in the user's browser; says whether it did. */
  openLink: (url: string) => Promise<boolean>;
  reports: ReportService;
}

/** Registers every invoke channel of the contract; returns the function that removes them. */
export function registerHandlers(guard: IpcGuard, deps: HandlerDeps): () => void {
  const disposers = [
    handle('check:start', guard, (request) => deps.runs.start(request.groups)),
    handle('check:cancel', guard, (request) => deps.runs.cancel(request.runId)),
    handle('app:info', guard, () => deps.appInfo()),
    handle('link:open', guard, async (request) => ({ opened: await deps.openLink(request.url) })),
    handle('report:preview', guard, (request) => deps.reports.preview(request)),
    handle('report:save', guard, (request) => deps.reports.save(request)),
    handle('report:copy', guard, (request) => deps.reports.copy(request)),
  ];
  return () => disposers.forEach((dispose) => dispose());
}
