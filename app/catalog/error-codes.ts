import type { FindingId } from '../diagnosis/finding';
import data from './error-codes.json';
import type { CauseId, ErrorCodeEntry, ErrorCodes } from './error-codes-schema';

/** The error codes that ship with the app; error-codes.test.ts validates them with the schema. */
export function builtinErrorCodes(): ErrorCodes {
  return data as ErrorCodes;
}

/** What someone typed, read as an error code: "3194", "(-54)", "0xe8000015", "error 4013". */
export type ParsedCode = { ok: true; code: string } | { ok: false };

export function parseErrorCode(raw: string): ParsedCode {
  const trimmed = raw
    .trim()
    .replace(/^error\s*/i, '')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  if (/^-?[0-9]{1,10}$/.test(trimmed)) {
    const value = Number(trimmed);
    // iTunes sometimes prints a 0xE8… code as a signed decimal: read it as the hex code it is.
    if (value < 0 && value >= -0x80000000 && value <= -0x10000000) return { ok: true, code: hex(value >>> 0) };
    if (value >= 0x80000000 && value <= 0xffffffff) return { ok: true, code: hex(value) };
    return { ok: true, code: String(value) };
  }
  if (/^0x[0-9a-f]{1,8}$/i.test(trimmed)) return { ok: true, code: hex(Number.parseInt(trimmed.slice(2), 16)) };
  return { ok: false };
}

function hex(value: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(8, '0')}`;
}

/** The entry for a code: a listed code first, then a range that holds it. */
export function lookupErrorCode(code: string, codes: ErrorCodes = builtinErrorCodes()): ErrorCodeEntry | undefined {
  const exact = codes.entries.find((entry) => entry.codes?.includes(code));
  if (exact) return exact;
  if (!/^-?[0-9]+$/.test(code)) return undefined;
  const value = Number(code);
  return codes.entries.find((entry) => entry.ranges?.some(([from, to]) => value >= from && value <= to));
}

/** Plain words for a cause: a finding's id reads as itself, other causes have a title in the data. */
export function causeTitle(id: CauseId, codes: ErrorCodes = builtinErrorCodes()): string {
  return (codes.otherCauses as Record<string, string>)[id] ?? id;
}

export function isFindingCause(id: CauseId, findingIds: readonly FindingId[]): id is FindingId {
  return (findingIds as readonly string[]).includes(id);
}
