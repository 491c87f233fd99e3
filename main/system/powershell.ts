/**
 * Arguments that run a PowerShell script as -EncodedCommand (base64 of UTF-16LE, as PowerShell
 * documents): no quoting of quotes, newlines or $ survives Windows' command-line parsing as
 * reliably as none at all.
 */
export function powershellArgs(script: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')];
}

/** A cold PowerShell start on a slow PC takes several seconds; its checks get this long at least. */
export const POWERSHELL_DEADLINE_MS = 30_000;
