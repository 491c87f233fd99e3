import type { EventChannel, EventChannels, InvokeChannel, RequestOf, ResponseOf } from '../../app/ipc/contract';
import { eventSchemas, responseSchemas, validate } from '../../app/ipc/schemas';
import type * as z from 'zod/mini';
import type { Transport } from './api';

// The only place the preload talks IPC (lint-enforced). What main sends back is checked against
// the contract before the page sees it. Electron's ipcRenderer comes in as a parameter (index.ts
// passes it), so the e2e harness runs this same code in its page over an in-test IPC bus.

type IpcListener = (event: unknown, payload: unknown) => void;

/** The part of Electron's ipcRenderer the preload uses. */
export interface RendererIpc {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

export function rendererTransport(ipc: RendererIpc): Transport {
  return {
    async invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      const payload: unknown = await ipc.invoke(channel, request);
      const response = validate<z.ZodMiniType<ResponseOf<C>>>(responseSchemas[channel], payload);
      if (!response.ok) throw new Error(`Unexpected answer on ${channel}: ${response.problem}`);
      return response.value;
    },
    subscribe<C extends EventChannel>(channel: C, listener: (payload: EventChannels[C]) => void): () => void {
      const wrapped: IpcListener = (_event, payload) => {
        const event = validate<z.ZodMiniType<EventChannels[C]>>(eventSchemas[channel], payload);
        if (event.ok) listener(event.value);
        else console.error(`[sync-doctor] dropped an invalid ${channel} event: ${event.problem}`);
      };
      ipc.on(channel, wrapped);
      return () => {
        ipc.removeListener(channel, wrapped);
      };
    },
  };
}
