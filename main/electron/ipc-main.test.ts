import { beforeEach, describe, expect, it, vi } from 'vitest';
import { InvokeBus } from '../../test-support/invoke-bus';
import { handle, send, type IpcGuard } from './ipc-main';

const PAGE = 'app://sync-doctor/index.html';
interface Contents {
  id: number;
}
const ours: Contents = { id: 1 };
const stranger: Contents = { id: 2 };

function event(options: { sender?: Contents; url?: string | null; subframe?: boolean } = {}) {
  const url = options.url === undefined ? PAGE : options.url;
  return { sender: options.sender ?? ours, senderFrame: url === null ? null : { url, parent: options.subframe ? {} : null } };
}

describe('handle', () => {
  const log = vi.fn();
  const handler = vi.fn((request: { runId: string }) => ({ cancelled: request.runId === 'r1' }));
  let bus: InvokeBus<Contents>;
  const guard = (overrides: Partial<IpcGuard<Contents>> = {}): IpcGuard<Contents> => ({
    trustedPage: { kind: 'app-scheme', url: PAGE },
    isKnownWindow: (c) => c === ours,
    log,
    ...overrides,
  });
  beforeEach(() => {
    bus = new InvokeBus();
    log.mockClear();
    handler.mockClear();
    handle(bus, 'check:cancel', guard(), handler);
  });
  const invoke = (e: ReturnType<typeof event>, payload: unknown) => bus.invoke('check:cancel', payload, e);

  it('passes a valid request from our page to the handler', async () => {
    await expect(invoke(event(), { runId: 'r1' })).resolves.toEqual({ cancelled: true });
    await expect(invoke(event({ url: `${PAGE}#/servers` }), { runId: 'r2' })).resolves.toEqual({ cancelled: false });
  });

  it.each([
    ['another window', event({ sender: stranger }), 'not one of our windows'],
    ['a sub-frame', event({ subframe: true }), 'not the main frame'],
    ['a frame that is gone', event({ url: null }), 'the sending frame is gone'],
    ['a remote page', event({ url: 'https://evil.example/' }), 'unexpected page https://'],
    [
      'a local file, even the built page itself',
      event({ url: 'file:///opt/Sync%20Doctor/resources/app.asar/out/renderer/index.html' }),
      'unexpected page file://',
    ],
    ['another local file', event({ url: 'file:///tmp/evil.html' }), 'unexpected page file://'],
    [
      'another page of the app scheme',
      event({ url: 'app://sync-doctor/assets/evil.html' }),
      'unexpected page app://sync-doctor/assets/evil.html',
    ],
    ['another host of the app scheme', event({ url: 'app://evil/index.html' }), 'unexpected page app://evil/index.html'],
    ['our page with a query', event({ url: `${PAGE}?x=1` }), 'unexpected page app://'],
  ])('refuses a message from %s before the handler runs', async (_what, e, why) => {
    await expect(invoke(e, { runId: 'r1' })).rejects.toThrow(why);
    expect(handler).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining(why));
  });

  it.each([[undefined], [{}], [{ runId: 42 }], [{ runId: 'r1', extra: true }], ['r1'], [{ runId: '' }]])(
    'refuses the payload %j',
    async (payload) => {
      await expect(invoke(event(), payload)).rejects.toThrow(/Invalid request/);
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it('accepts the dev server origin only when that is what the app loaded', async () => {
    bus.removeHandler('check:cancel');
    handle(
      bus,
      'check:cancel',
      guard({ trustedPage: { kind: 'dev-server', origin: 'http://localhost:5173' }, isKnownWindow: () => true }),
      handler,
    );
    await expect(invoke(event({ url: 'http://localhost:5173/index.html' }), { runId: 'r1' })).resolves.toEqual({ cancelled: true });
    await expect(invoke(event({ url: 'http://localhost:5174/' }), { runId: 'r1' })).rejects.toThrow('unexpected origin');
  });

  it('removes its handler when disposed', async () => {
    const other = new InvokeBus<Contents>();
    const dispose = handle(other, 'app:info', guard(), () => {
      throw new Error('not under test');
    });
    expect(other.channels()).toEqual(['app:info']);
    dispose();
    expect(other.channels()).toEqual([]);
  });
});

describe('send', () => {
  it('never sends to a destroyed or crashed page', () => {
    const live = { isDestroyed: () => false, isCrashed: () => false, send: vi.fn() };
    const event = { type: 'check-started' as const, runId: 'r', checkId: 'c' };
    expect(send(live, 'check:event', event)).toBe(true);
    expect(live.send).toHaveBeenCalledWith('check:event', event);
    const gone = { isDestroyed: () => true, isCrashed: () => false, send: vi.fn() };
    const crashed = { isDestroyed: () => false, isCrashed: () => true, send: vi.fn() };
    expect(send(gone, 'check:event', event)).toBe(false);
    expect(send(crashed, 'check:event', event)).toBe(false);
    expect(send(undefined, 'check:event', event)).toBe(false);
    expect(gone.send).not.toHaveBeenCalled();
    expect(crashed.send).not.toHaveBeenCalled();
  });
});
