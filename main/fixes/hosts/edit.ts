import type { LineChange } from '../../../app/fixes/preview';
import { decodeHostsBytes, type HostsEncoding } from '../../system/hosts/decode';
import { findAppleEntries, type WatchList } from '../../system/hosts/match';
import { parseHosts } from '../../system/hosts/parse';

export interface HostsEdit {
  encoding: HostsEncoding;
  /** Lines removed or rewritten, in file order. */
  changes: LineChange[];
  /** Lines that touch Apple names the catalog does not list (ad blocking): left alone. */
  kept: { line: number; text: string; name: string }[];
  /** The new content, byte for byte the old one except the changed lines. */
  bytes: Uint8Array;
}

/** One line of the file in bytes: its content, then its terminator (CRLF, LF, CR or none). */
interface LineSpan {
  start: number;
  contentEnd: number;
  end: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;

/**
 * Plans removing the hosts-file entries that send the catalog's hosts elsewhere. It works on the
 * bytes, not on decoded text: every other line, the byte-order mark, the encoding (UTF-8,
 * Latin-1, UTF-16 either way) and each line's own ending stay exactly as they were. A line that
 * names other hosts too loses only the catalog's names. Pure.
 */
export function planHostsEdit(bytes: Uint8Array, watch: WatchList): HostsEdit {
  const decoded = decodeHostsBytes(bytes);
  const layout = layoutOf(decoded.encoding);
  const parsed = parseHosts(decoded.text);
  const findings = findAppleEntries(parsed.entries, watch);
  const offending = new Map<number, Set<string>>();
  const kept: HostsEdit['kept'] = [];
  for (const finding of findings) {
    if (!finding.inCatalog) {
      kept.push({ line: finding.entry.line, text: finding.entry.text, name: finding.name });
      continue;
    }
    const names = offending.get(finding.entry.line) ?? new Set<string>();
    names.add(finding.name);
    offending.set(finding.entry.line, names);
  }
  const spans = splitLines(bytes, layout);
  const changes: LineChange[] = [];
  const parts: Uint8Array[] = [bytes.subarray(0, layout.bom)];
  spans.forEach((span, index) => {
    const line = index + 1;
    const names = offending.get(line);
    const entry = names ? parsed.entries.find((e) => e.line === line) : undefined;
    if (!names || !entry) {
      parts.push(bytes.subarray(span.start, span.end));
      return;
    }
    const rewritten = withoutNames(bytes.subarray(span.start, span.contentEnd), names, layout);
    if (rewritten === undefined) {
      changes.push({ line, before: entry.text });
      return;
    }
    changes.push({ line, before: entry.text, after: decodeLine(rewritten, decoded.encoding) });
    parts.push(rewritten, bytes.subarray(span.contentEnd, span.end));
  });
  return { encoding: decoded.encoding, changes, kept, bytes: concat(parts) };
}

interface Layout {
  bom: number;
  /** Bytes per code unit: 1 (UTF-8, Latin-1) or 2 (UTF-16). */
  width: 1 | 2;
  bigEndian: boolean;
}

function layoutOf(encoding: HostsEncoding): Layout {
  switch (encoding) {
    case 'utf-8':
    case 'latin1':
      return { bom: 0, width: 1, bigEndian: false };
    case 'utf-8-bom':
      return { bom: 3, width: 1, bigEndian: false };
    case 'utf-16le-bom':
      return { bom: 2, width: 2, bigEndian: false };
    case 'utf-16be-bom':
      return { bom: 2, width: 2, bigEndian: true };
    case 'utf-16le':
      return { bom: 0, width: 2, bigEndian: false };
  }
}

function unitAt(bytes: Uint8Array, offset: number, layout: Layout): number {
  if (layout.width === 1) return bytes[offset]!;
  if (offset + 1 >= bytes.length) return -1;
  return layout.bigEndian ? (bytes[offset]! << 8) | bytes[offset + 1]! : bytes[offset]! | (bytes[offset + 1]! << 8);
}

/** Splits like parseHosts does (CRLF, LF or a lone CR end a line), so line numbers agree. */
function splitLines(bytes: Uint8Array, layout: Layout): LineSpan[] {
  const spans: LineSpan[] = [];
  let start = layout.bom;
  let offset = start;
  while (offset < bytes.length) {
    const unit = unitAt(bytes, offset, layout);
    if (unit === 0x0a || unit === 0x0d) {
      const contentEnd = offset;
      offset += layout.width;
      if (unit === 0x0d && unitAt(bytes, offset, layout) === 0x0a) offset += layout.width;
      spans.push({ start, contentEnd, end: offset });
      start = offset;
    } else {
      offset += layout.width;
    }
  }
  spans.push({ start, contentEnd: bytes.length, end: bytes.length });
  return spans;
}

/**
 * The line's bytes without the given names (and the blank before each), or undefined when no
 * name would be left (remove the whole line) or the names cannot be found byte for byte.
 */
function withoutNames(line: Uint8Array, names: ReadonlySet<string>, layout: Layout): Uint8Array | undefined {
  const units: number[] = [];
  for (let offset = 0; offset + layout.width <= line.length; offset += layout.width) units.push(unitAt(line, offset, layout));
  const hash = units.indexOf(HASH);
  const body = hash >= 0 ? hash : units.length;
  const tokens: { from: number; to: number; blankFrom: number }[] = [];
  let index = 0;
  while (index < body) {
    const blankFrom = index;
    while (index < body && (units[index] === SPACE || units[index] === TAB)) index++;
    const from = index;
    while (index < body && units[index] !== SPACE && units[index] !== TAB) index++;
    if (index > from) tokens.push({ from, to: index, blankFrom });
  }
  const [, ...nameTokens] = tokens;
  const drop = nameTokens.filter((token) => names.has(asciiName(units.slice(token.from, token.to)) ?? ''));
  if (drop.length === 0 || drop.length === nameTokens.length) return undefined;
  const found = new Set(drop.map((token) => asciiName(units.slice(token.from, token.to))));
  if ([...names].some((name) => !found.has(name))) return undefined;
  const keep = units.filter((_, at) => !drop.some((token) => at >= token.blankFrom && at < token.to));
  const out = new Uint8Array(keep.length * layout.width);
  keep.forEach((unit, at) => {
    if (layout.width === 1) out[at] = unit;
    else if (layout.bigEndian) {
      out[at * 2] = unit >> 8;
      out[at * 2 + 1] = unit & 0xff;
    } else {
      out[at * 2] = unit & 0xff;
      out[at * 2 + 1] = unit >> 8;
    }
  });
  return out;
}

/** The token as the parser names it (lower case, no trailing dot), if it is plain ASCII. */
function asciiName(units: readonly number[]): string | undefined {
  if (units.some((unit) => unit >= 0x80 || unit < 0x20)) return undefined;
  return String.fromCharCode(...units)
    .toLowerCase()
    .replace(/\.$/, '');
}

function decodeLine(bytes: Uint8Array, encoding: HostsEncoding): string {
  return decodeHostsBytes(
    encoding === 'utf-16be-bom'
      ? concat([new Uint8Array([0xfe, 0xff]), bytes])
      : encoding.startsWith('utf-16')
        ? concat([new Uint8Array([0xff, 0xfe]), bytes])
        : bytes,
  ).text.trim();
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
