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
  malformed: MalformedLine[];
  lines: number;
}

const NAME = /^[a-z0-9_*]([a-z0-9_*-]{0,62})(\.[a-z0-9_*-]{1,63})*\.?$/i;
const MAX_QUOTE = 200;

/**
 * Parses hosts-file text (the format every OS shares: address, then names, '#' starts a
 * comment). Pure and total: any text gives entries and a list of the lines that make no sense.
 */
export function parseHosts(text: string): ParsedHosts {
  const entries: HostsEntry[] = [];
  const malformed: MalformedLine[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const hash = raw.indexOf('#');
    const content = (hash >= 0 ? raw.slice(0, hash) : raw).replace(/\0/g, '').trim();
    if (content === '') return;
    const quoted = quote(raw.trim());
    const [address = '', ...names] = content.split(/[\s\u00a0]+/);
    if (!isAddress(address)) {
      malformed.push({ line, text: quoted, why: `"${quote(address, 40)}" is not an IP address` });
      return;
    }
    if (names.length === 0) {
      malformed.push({ line, text: quoted, why: 'an address with no host name after it' });
      return;
    }
    const bad = names.find((name) => !NAME.test(name));
    if (bad !== undefined) {
      malformed.push({ line, text: quoted, why: `"${quote(bad, 40)}" is not a valid host name` });
    }
    const good = names.filter((name) => NAME.test(name)).map((name) => name.toLowerCase().replace(/\.$/, ''));
    if (good.length > 0) entries.push({ line, address, names: good, text: quoted });
  });
  return { entries, malformed, lines: lines.length };
}

function isAddress(token: string): boolean {
  const withoutZone = token.replace(/%[\w.-]+$/, '');
  return net.isIP(withoutZone) !== 0;
}

function quote(text: string, max = MAX_QUOTE): string {
  let printable = '';
  for (const char of text) printable += isControl(char) ? '?' : char;
  return printable.length > max ? `${printable.slice(0, max)}…` : printable;
}

function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
}
