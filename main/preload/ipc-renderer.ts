import { ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventChannel, EventChannels, InvokeChannel, RequestOf, ResponseOf } from '../../app/ipc/contract';
import { eventSchemas, responseSchemas, validate } from '../../app/ipc/schemas';
import type * as z from 'zod/mini';

// The only place the preload touches ipcRenderer (lint-enforced). What main sends back is checked
// against the contract before the page sees it.

export async function invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const payload: unknown = await ipcRenderer.invoke(channel, request);
  const response = validate<z.ZodMiniType<ResponseOf<C>>>(responseSchemas[channel], payload);
  if (!response.ok) throw new Error(`Unexpected answer on ${channel}: ${response.problem}`);
  return response.value;
}

export function subscribe<C extends EventChannel>(channel: C, listener: (payload: EventChannels[C]) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => {
    const event = validate<z.ZodMiniType<EventChannels[C]>>(eventSchemas[channel], payload);
    if (event.ok) listener(event.value);
    else console.error(`[sync-doctor] dropped an invalid ${channel} event: ${event.problem}`);
  };
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}
