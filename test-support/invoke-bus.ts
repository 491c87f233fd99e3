import type { InvokeEvent, InvokeRegistry } from '../main/electron/ipc-main';

type Listener<Sender> = (event: InvokeEvent<Sender>, payload: unknown) => unknown;

/**
 * Stands in for Electron's ipcMain at its edge: handlers registered by channel, invoked with a
 * sender and frame the caller describes. Like Electron, it refuses a second handler for a channel
 * and an invoke on a channel nobody handles, and what crosses is a structured clone.
 */
export class InvokeBus<Sender> implements InvokeRegistry<Sender> {
  private readonly listeners = new Map<string, Listener<Sender>>();

  handle(channel: string, listener: Listener<Sender>): void {
    if (this.listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.listeners.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }

  /** The channels that have a handler now, sorted. */
  channels(): string[] {
    return [...this.listeners.keys()].sort();
  }

  async invoke(channel: string, payload: unknown, event: InvokeEvent<Sender>): Promise<unknown> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return structuredClone(await listener(event, structuredClone(payload)));
  }
}
