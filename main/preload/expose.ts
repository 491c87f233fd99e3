import { createApi } from './api';
import { rendererTransport, type RendererIpc } from './ipc-renderer';

/** The part of Electron's contextBridge the preload uses. */
interface Bridge {
  exposeInMainWorld(key: string, api: unknown): void;
}

/** Puts the named API on the page's `window.syncDoctor`, frozen, over the given IPC. */
export function exposeSyncDoctor(bridge: Bridge, ipc: RendererIpc): void {
  bridge.exposeInMainWorld('syncDoctor', Object.freeze(createApi(rendererTransport(ipc))));
}
