// Decides whether an IPC message comes from our own page. Kept free of Electron so it can be
// tested directly; ipc-main.ts feeds it what Electron knows about the sender.

interface SenderFacts {
  /** The frame that sent the message; null once it has navigated away or been destroyed. */
  frameUrl: string | null;
  isMainFrame: boolean;
  /** Whether the sending webContents belongs to a window this app created. */
  knownWindow: boolean;
}

/** Where the renderer is loaded from: the dev server's origin, or the built page on the app:// scheme (renderer-protocol.ts). */
export type TrustedPage = { kind: 'dev-server'; origin: string } | { kind: 'app-scheme'; url: string };

type SenderVerdict = { ok: true } | { ok: false; why: string };

export function checkSender(sender: SenderFacts, trusted: TrustedPage): SenderVerdict {
  if (!sender.knownWindow) return { ok: false, why: 'not one of our windows' };
  if (sender.frameUrl === null) return { ok: false, why: 'the sending frame is gone' };
  if (!sender.isMainFrame) return { ok: false, why: 'not the main frame' };
  let url: URL;
  try {
    url = new URL(sender.frameUrl);
  } catch {
    return { ok: false, why: 'the frame URL cannot be parsed' };
  }
  switch (trusted.kind) {
    case 'dev-server':
      return url.origin === new URL(trusted.origin).origin ? { ok: true } : { ok: false, why: `unexpected origin ${url.origin}` };
    case 'app-scheme': {
      const expected = new URL(trusted.url);
      // The renderer may change the hash (and only the hash) without it being another page.
      const same =
        url.protocol === expected.protocol &&
        url.host.toLowerCase() === expected.host.toLowerCase() &&
        url.username === '' &&
        url.password === '' &&
        url.pathname === expected.pathname &&
        url.search === '';
      return same ? { ok: true } : { ok: false, why: `unexpected page ${url.protocol}//${url.host}${url.pathname}` };
    }
  }
}
