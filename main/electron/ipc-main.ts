import type * as z from 'zod/mini';
import type { EventChannel, EventChannels, InvokeChannel, RequestOf, ResponseOf } from '../../app/ipc/contract';
import { requestSchemas, validate } from '../../app/ipc/schemas';
import { checkSender, type TrustedPage } from './sender-check';

// The only place main registers IPC handlers and sends events (lint-enforced). Every handler gets
// a request that came from our own page's main frame and passed its schema; anything else is
// refused before the handler runs. Electron's ipcMain and webContents come in as parameters
// (index.ts passes them), so this runs unchanged over the e2e harness's in-test IPC bus.

/** What an invoke says about its sender; Electron's IpcMainInvokeEvent has these fields. */
export interface InvokeEvent<Sender> {
  sender: Sender;
  /** The frame that sent the message; null once it has navigated away or been destroyed. */
  senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** Where invoke handlers are registered: Electron's ipcMain, or a test's stand-in. */
export interface InvokeRegistry<Sender> {
  handle(channel: string, listener: (event: InvokeEvent<Sender>, payload: unknown) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcGuard<Sender> {
  trustedPage: TrustedPage;
  isKnownWindow(sender: Sender): boolean;
  log(message: string): void;
}

type Handler<C extends InvokeChannel, Sender> = (request: RequestOf<C>, sender: Sender) => Promise<ResponseOf<C>> | ResponseOf<C>;

class IpcRefused extends Error {}

export function handle<C extends InvokeChannel, Sender>(
  ipc: InvokeRegistry<Sender>,
  channel: C,
  guard: IpcGuard<Sender>,
  handler: Handler<C, Sender>,
): () => void {
  const schema = requestSchemas[channel];
  ipc.handle(channel, async (event, payload) => {
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
  return () => ipc.removeHandler(channel);
}

/** Where events go: Electron's WebContents has these methods. */
export interface EventReceiver {
  isDestroyed(): boolean;
  isCrashed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** Sends an event unless the window (or its page) is gone; says whether it was sent. */
export function send<C extends EventChannel>(target: EventReceiver | undefined, channel: C, payload: EventChannels[C]): boolean {
  if (!target || target.isDestroyed() || target.isCrashed()) return false;
  target.send(channel, payload);
  return true;
}
