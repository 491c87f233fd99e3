import net from 'node:net';

export interface HostsEntry {
  /** 1-based line number in the file. */
  line: number;
  address: string;
  /** Lower-cased names, trailing dot removed. */
  names: string[];
  /** The line as written (trimmed), for quoting it to the user. */
  text: string;
}

export interface MalformedLine {
  line: number;
  text: string;
  why: string;
}

export interface ParsedHosts {
  entries: HostsEntry[];
  /** The first MAX_MALFORMED_KEPT malformed lines, to quote; `malformedCount` counts them all. */
  malformed: MalformedLine[];
  malformedCount: number;
  lines: number;
}

/** Malformed lines kept to quote: a broken file of millions of them holds a few, and a count. */
export const MAX_MALFORMED_KEPT = 10;

const NAME = /^[a-z0-9_*]([a-z0-9_*-]{0,62})(\.[a-z0-9_*-]{1,63})*\.?$/i;
const MAX_QUOTE = 200;

/**
 * Parses hosts-file text (the format every OS shares: address, then names, '#' starts a
 * comment). Pure and total: any text gives entries and a list of the lines that make no sense.
 */
export function parseHosts(text: string): ParsedHosts {
  const entries: HostsEntry[] = [];
  const malformed: MalformedLine[] = [];
  let malformedCount = 0;
  const noteMalformed = (bad: () => MalformedLine) => {
    malformedCount++;
    if (malformed.length < MAX_MALFORMED_KEPT) malformed.push(bad());
  };
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const hash = raw.indexOf('#');
    const content = (hash >= 0 ? raw.slice(0, hash) : raw).replace(/\0/g, '').trim();
    if (content === '') return;
    const [address = '', ...names] = content.split(/[\s\u00a0]+/);
    if (!isAddress(address)) {
      noteMalformed(() => ({ line, text: quote(raw.trim()), why: `"${quote(address, 40)}" is not an IP address` }));
      return;
    }
    if (names.length === 0) {
      noteMalformed(() => ({ line, text: quote(raw.trim()), why: 'an address with no host name after it' }));
      return;
    }
    const bad = names.find((name) => !NAME.test(name));
    if (bad !== undefined) {
      noteMalformed(() => ({ line, text: quote(raw.trim()), why: `"${quote(bad, 40)}" is not a valid host name` }));
    }
    const good = names.filter((name) => NAME.test(name)).map((name) => name.toLowerCase().replace(/\.$/, ''));
    if (good.length > 0) entries.push({ line, address, names: good, text: quote(raw.trim()) });
  });
  return { entries, malformed, malformedCount, lines: lines.length };
}

function isAddress(token: string): boolean {
  const withoutZone = token.replace(/%[\w.-]+$/, '');
  return net.isIP(withoutZone) !== 0;
}

function quote(text: string, max = MAX_QUOTE): string {
  // Most lines need no change: kept as they are, rather than rebuilt a character at a time
  // (a string built that way holds an object per character, and a block list has 100,000s of lines).
  if (text.length <= max && !hasControl(text)) return text;
  let printable = '';
  for (const char of text) printable += isControl(char) ? '?' : char;
  return printable.length > max ? `${printable.slice(0, max)}…` : printable;
}

function hasControl(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (isControl(text[index]!)) return true;
  return false;
}

function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
}
