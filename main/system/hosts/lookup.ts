import { entryFor } from './match';
import { readHostsFile, systemHostsPath, type HostsRead } from './read';

export interface HostsLine {
  file: string;
  line: number;
  text: string;
  address: string;
}

const cache = new Map<string, { at: number; read: Promise<HostsRead> }>();
/** The file is read at most once per this many ms, however many checks ask. */
const FRESH_MS = 2000;

/**
 * The hosts-file line that decides where `host` goes, if any: what the network checks quote when
 * the system resolver disagrees with DNS ("dns-redirected"). Never throws; undefined when the
 * file has no line for the host or cannot be read.
 */
export async function hostsLineFor(host: string, file: string = systemHostsPath()): Promise<HostsLine | undefined> {
  const now = performance.now();
  let cached = cache.get(file);
  if (!cached || now - cached.at > FRESH_MS) {
    cached = { at: now, read: readHostsFile(file) };
    cache.set(file, cached);
  }
  const read = await cached.read;
  if (read.kind !== 'read') return undefined;
  const entry = entryFor(read.parsed.entries, host);
  return entry ? { file, line: entry.line, text: entry.text, address: entry.address } : undefined;
}

/** Forgets the reads kept above: after a fix changed the hosts file, its old lines must not be quoted. */
export function forgetHostsReads(): void {
  cache.clear();
}

/** A sentence naming the hosts-file line for `host`, or '' when the hosts file is not the cause. */
export async function hostsFileNote(host: string, file?: string): Promise<string> {
  const line = await hostsLineFor(host, file);
  return line ? ` The hosts file ${line.file} does it, line ${line.line}: "${line.text}".` : '';
}
