import type { EventChannel, EventChannels, InvokeChannel, RequestOf, ResponseOf, SyncDoctorApi } from '../../app/ipc/contract';

/** How the API reaches main: `rendererTransport` over Electron's ipcRenderer. */
export interface Transport {
  invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  subscribe<C extends EventChannel>(channel: C, listener: (payload: EventChannels[C]) => void): () => void;
}

/** The named API the page gets: each function maps to one channel, nothing generic. */
export function createApi(transport: Transport): SyncDoctorApi {
  return {
    startCheck: (request) => transport.invoke('check:start', { groups: [...request.groups] }),
    cancelCheck: (runId) => transport.invoke('check:cancel', { runId }),
    onRunEvent: (listener) => transport.subscribe('check:event', (event) => listener(event)),
    appInfo: () => transport.invoke('app:info', null),
    openLink: (url) => transport.invoke('link:open', { url }),
    listFixes: (runId) => transport.invoke('fix:list', { runId }),
    previewFix: (request) => transport.invoke('fix:preview', { runId: request.runId, findingId: request.findingId, fixId: request.fixId }),
    applyFix: (request) => transport.invoke('fix:apply', { runId: request.runId, findingId: request.findingId, fixId: request.fixId }),
    rerunChecks: (request) => transport.invoke('check:rerun', { runId: request.runId, checkIds: [...request.checkIds] }),
  };
}
