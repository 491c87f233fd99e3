import { shell } from 'electron';
import { openExternalSafely } from './navigation';

/** The app's one way to the user's browser: its own links only (see navigation.ts). */
export function openInBrowser(url: string): Promise<boolean> {
  return openExternalSafely(url, (known) => shell.openExternal(known));
}
