import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn((_url: string) => Promise.resolve());
vi.mock('electron', () => ({ shell: { openExternal } }));

const { lockDownContents, lockDownSession } = await import('./lockdown');

type Listener = (event: { preventDefault(): void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  return {
    contents,
    fire(name: string, url = 'https://evil.example/') {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)?.(event, url);
      return event;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('lockDownContents', () => {
  beforeEach(() => openExternal.mockClear());

  it('blocks every navigation, redirect and webview', () => {
    const fake = fakeContents();
    const log = vi.fn();
    lockDownContents(fake.contents as never, log);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(fake.fire(name).preventDefault, name).toHaveBeenCalledOnce();
    }
    expect(log).toHaveBeenCalledWith('blocked navigation to https://evil.example/');
  });

  it('denies every new window and opens nothing, not even an https link', async () => {
    const fake = fakeContents();
    const log = vi.fn();
    lockDownContents(fake.contents as never, log);
    for (const url of ['https://support.apple.com/HT201444', 'https://evil.example/?data=1', 'file:///C:/Windows/System32/calc.exe']) {
      expect(fake.open(url), url).toEqual({ action: 'deny' });
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(openExternal).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('blocked a new window for https://evil.example/?data=1');
  });
});

describe('lockDownSession', () => {
  it('refuses every permission request and check', () => {
    let request: ((c: unknown, p: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    lockDownSession({
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
    } as never);
    const callback = vi.fn();
    request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(check?.()).toBe(false);
  });
});
