// Link and navigation policy, free of Electron so it is testable. The window never navigates;
// the links it names open in the user's browser, and only the app's own (app/links.ts).

import { appLink, type AppLink } from '../../app/links';

/** A link that may leave the app at all: https, no credentials in the URL. */
export function safeExternalUrl(raw: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return undefined;
  return url;
}

/**
 * Opens `raw` with `open` (shell.openExternal) when it is one of the app's own links; says
 * whether it did. Any other address is refused, https or not: a link is the one way a
 * compromised renderer could send data out, so it must not choose where.
 */
export async function openExternalSafely(raw: string, open: (url: AppLink) => Promise<void>): Promise<boolean> {
  const known = appLink(raw);
  const url = known === undefined ? undefined : safeExternalUrl(known);
  if (!known || !url) return false;
  try {
    await open(known);
    return true;
  } catch {
    return false;
  }
}
