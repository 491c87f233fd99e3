import { exposeSyncDoctor } from '../../main/preload/expose';
import type { RendererIpc } from '../../main/preload/ipc-renderer';
import { DELIVER_FUNCTION, INVOKE_BINDING } from './ipc-bindings';

// Runs in the page before the app's scripts, as Electron runs the preload: the real preload code
// (exposeSyncDoctor, createApi, rendererTransport with its response and event validation), with
// only Electron's ipcRenderer and contextBridge replaced. Invokes go to the test process through
// the binding desktop-main.ts exposes; its events come back through DELIVER_FUNCTION.
// Bundled for the browser by global-setup.ts.

type Listener = (event: unknown, payload: unknown) => void;
type Scope = Record<string, unknown>;

const scope = globalThis as unknown as Scope;
const listeners = new Map<string, Set<Listener>>();

const ipcRenderer: RendererIpc = {
  invoke: (channel, payload) => (scope[INVOKE_BINDING] as (channel: string, payload: unknown) => Promise<unknown>)(channel, payload),
  on(channel, listener) {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
  },
  removeListener(channel, listener) {
    listeners.get(channel)?.delete(listener);
  },
};

/** What a listener gets as its IpcRendererEvent; the preload does not read it. */
const IPC_EVENT = Object.freeze({});

scope[DELIVER_FUNCTION] = (channel: string, payload: unknown) => {
  for (const listener of [...(listeners.get(channel) ?? [])]) listener(IPC_EVENT, payload);
};

// contextBridge copies the API into the page's world; here the page and the preload share one.
exposeSyncDoctor(
  { exposeInMainWorld: (key, api) => Object.defineProperty(globalThis, key, { value: api, enumerable: true }) },
  ipcRenderer,
);
