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

/**
 * The records of a `... | ConvertTo-Json` answer: PowerShell prints one object for one item, an
 * array for several and nothing at all for none. Undefined when the text is not that (not JSON,
 * or something other than objects). Pure.
 */
export function powershellJsonRecords(text: string): Record<string, unknown>[] | undefined {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  const rows: unknown[] = Array.isArray(data) ? data : [data];
  return rows.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row))
    ? (rows as Record<string, unknown>[])
    : undefined;
}
