import type * as z from 'zod/mini';
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { EventChannel, EventChannels, InvokeChannel, RequestOf, ResponseOf } from '../../app/ipc/contract';
import { requestSchemas, validate } from '../../app/ipc/schemas';
import { checkSender, type TrustedPage } from './sender-check';

// The only place main touches ipcMain and webContents.send (lint-enforced). Every handler gets a
// request that came from our own page's main frame and passed its schema; anything else is refused
// before the handler runs.

export interface IpcGuard {
  trustedPage: TrustedPage;
  isKnownWindow(contents: WebContents): boolean;
  log(message: string): void;
}

type Handler<C extends InvokeChannel> = (request: RequestOf<C>, sender: WebContents) => Promise<ResponseOf<C>> | ResponseOf<C>;

class IpcRefused extends Error {}

export function handle<C extends InvokeChannel>(channel: C, guard: IpcGuard, handler: Handler<C>): () => void {
  const schema = requestSchemas[channel];
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
    const frame = event.senderFrame;
    const verdict = checkSender(
      { frameUrl: frame?.url ?? null, isMainFrame: frame?.parent === null, knownWindow: guard.isKnownWindow(event.sender) },
      guard.trustedPage,
    );
    if (!verdict.ok) {
      guard.log(`refused ${channel}: ${verdict.why}`);
      throw new IpcRefused(`Refused: ${verdict.why}`);
    }
    const request = validate<z.ZodMiniType<RequestOf<C>>>(schema, payload);
    if (!request.ok) {
      guard.log(`refused ${channel}: invalid payload (${request.problem})`);
      throw new IpcRefused(`Invalid request: ${request.problem}`);
    }
    return handler(request.value, event.sender);
  });
  return () => ipcMain.removeHandler(channel);
}

/** Sends an event unless the window (or its page) is gone; says whether it was sent. */
export function send<C extends EventChannel>(target: WebContents | undefined, channel: C, payload: EventChannels[C]): boolean {
  if (!target || target.isDestroyed() || target.isCrashed()) return false;
  target.send(channel, payload);
  return true;
}
