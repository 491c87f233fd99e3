import { shell } from 'electron';
import { openExternalSafely } from './navigation';

/** The app's one way to the user's browser: https links only (see navigation.ts). */
export function openInBrowser(url: string): Promise<boolean> {
  return openExternalSafely(url, (safe) => shell.openExternal(safe));
}
