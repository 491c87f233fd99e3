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
  const data = parsedJson(trimmed);
  return data === NOT_JSON || data === null ? undefined : recordsOf(data);
}

/**
 * The records of one list field of a script that fills `$r` part by part and prints
 * `$r | ConvertTo-Json` (windows-powershell.ts): the field may hold a list, one object (as
 * ConvertTo-Json may write a single item) or null for none. Undefined when that part failed
 * (`<field>Error`), the field is missing, or the text is not such an object. Pure.
 */
export function powershellScriptRecords(text: string, field: string): Record<string, unknown>[] | undefined {
  const data = parsedJson(text.replace(/^\uFEFF/, '').trim());
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  if (!(field in record) || `${field}Error` in record) return undefined;
  const value = record[field];
  return value === null ? [] : recordsOf(value);
}

const NOT_JSON = Symbol('not JSON');

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

function recordsOf(data: unknown): Record<string, unknown>[] | undefined {
  const rows: unknown[] = Array.isArray(data) ? data : [data];
  return rows.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row))
    ? (rows as Record<string, unknown>[])
    : undefined;
}
