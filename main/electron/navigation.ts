// Link and navigation policy, free of Electron so it is testable. The window never navigates;
// links the user clicks open in their browser, and only when they are https.

/** The only links that leave the app: https, no credentials in the URL. */
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

/** Opens `raw` with `open` (shell.openExternal) when it is safe; says whether it did. */
export async function openExternalSafely(raw: string, open: (url: string) => Promise<void>): Promise<boolean> {
  const url = safeExternalUrl(raw);
  if (!url) return false;
  try {
    await open(url.toString());
    return true;
  } catch {
    return false;
  }
}
