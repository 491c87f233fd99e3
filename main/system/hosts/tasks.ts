import type { Catalog } from '../../../app/catalog/schema';
import type { CheckTask } from '../../scheduler/task';
import { shareOnce, systemTask, type SystemOutcome } from '../task';
import { describeFinding, findAppleEntries, type WatchList } from './match';
import { LARGE_HOSTS_BYTES, readHostsFile, type HostsRead } from './read';
import type { HostsLocation } from './windows-location';

export function watchListOf(catalog: Catalog): WatchList {
  const patterns = catalog.servers.map((entry) => entry.pattern);
  const hosts = [
    ...catalog.servers.flatMap((entry) => (entry.host ? [entry.host, entry.pattern] : [entry.pattern])),
    ...catalog.ports.flatMap((entry) => (entry.host ? [entry.host] : [])),
    ...(catalog.ntp ? [catalog.ntp.host] : []),
  ].filter((host) => !host.includes('*'));
  return { patterns, hosts };
}

/**
 * The two hosts-file checks: the file itself, then its entries for Apple's servers. One read.
 * `file` is a path, or a way to find it (Windows: the DataBasePath registry value).
 */
export function hostsTasks(file: string | ((signal: AbortSignal) => Promise<HostsLocation>), watch: WatchList): CheckTask[] {
  const locate: (signal: AbortSignal) => Promise<HostsLocation> = typeof file === 'string' ? () => Promise.resolve({ file }) : file;
  const load = shareOnce((signal) => locate(signal).then(async (location) => ({ location, read: await readHostsFile(location.file) })));
  return [
    systemTask(
      { id: 'hosts:file', kind: 'hosts', title: 'Hosts file', purpose: 'A file that overrides DNS on this computer' },
      async (signal) => {
        const { read, location } = await load(signal);
        return judgeHostsFile(read, location.relocatedFrom);
      },
    ),
    systemTask(
      { id: 'hosts:apple', kind: 'hosts', title: 'Hosts file entries for Apple', purpose: 'Entries that redirect or block Apple servers' },
      async (signal) => judgeAppleEntries((await load(signal)).read, watch),
    ),
  ];
}

export function judgeHostsFile(read: HostsRead, relocatedFrom?: string): SystemOutcome {
  const moved = relocatedFrom
    ? `The system reads its hosts file from ${read.file} instead of ${relocatedFrom} (the DataBasePath registry value was changed; some malware does this). `
    : '';
  if (read.kind === 'unreadable') {
    return {
      status: 'warn',
      reason: 'hosts-unreadable',
      detail: `${moved}The hosts file ${read.file} could not be read: ${read.why}.`,
      facts: { file: read.file, error: read.code },
    };
  }
  const { parsed, decoded } = read;
  const facts = {
    file: read.file,
    bytes: read.size,
    lines: parsed.lines,
    entries: parsed.entries.length,
    malformed: parsed.malformedCount,
    encoding: decoded.encoding,
  };
  const problems: string[] = [];
  if (relocatedFrom) {
    problems.push(moved.trim());
    Object.assign(facts, { relocatedFrom });
  }
  if (decoded.note) problems.push(decoded.note);
  if (read.truncated) problems.push(`The file is ${megabytes(read.size)}; only its first ${megabytes(16 * 1024 * 1024)} were read.`);
  else if (read.size > LARGE_HOSTS_BYTES)
    problems.push(
      `The file is unusually large (${megabytes(read.size)}, ${parsed.entries.length} entries), typically a block list; it slows every name lookup.`,
    );
  if (parsed.malformedCount > 0) {
    const shown = parsed.malformed
      .slice(0, 3)
      .map((bad) => `line ${bad.line}: ${bad.why}`)
      .join('; ');
    const more = parsed.malformedCount > 3 ? ` and ${parsed.malformedCount - 3} more` : '';
    problems.push(`${parsed.malformedCount} line(s) make no sense and are ignored by the system (${shown}${more}).`);
    const first = parsed.malformed[0]!;
    Object.assign(facts, { firstMalformedLine: first.line, firstMalformedText: first.text });
  }
  if (problems.length > 0) {
    return { status: 'warn', reason: 'hosts-malformed', detail: `The hosts file ${read.file} was read, but: ${problems.join(' ')}`, facts };
  }
  return {
    status: 'ok',
    reason: 'ok',
    detail: `The hosts file ${read.file} is readable: ${parsed.entries.length} entr${parsed.entries.length === 1 ? 'y' : 'ies'}.`,
    facts,
  };
}

export function judgeAppleEntries(read: HostsRead, watch: WatchList): SystemOutcome {
  if (read.kind === 'unreadable') {
    return {
      status: 'skipped',
      reason: 'hosts-unreadable',
      detail: `Could not look for Apple entries: the hosts file ${read.file} could not be read (${read.why}).`,
      facts: { file: read.file },
    };
  }
  const findings = findAppleEntries(read.parsed.entries, watch);
  if (findings.length === 0) {
    return {
      status: 'ok',
      reason: 'ok',
      detail: `No line of ${read.file} touches Apple's servers.`,
      facts: { file: read.file, findings: 0 },
    };
  }
  const important = findings.filter((finding) => finding.inCatalog);
  const first = important[0] ?? findings[0]!;
  const listed = findings.slice(0, 4).map(describeFinding).join('; ');
  const more = findings.length > 4 ? `; and ${findings.length - 4} more` : '';
  return {
    status: important.length > 0 ? 'fail' : 'warn',
    reason: 'hosts-entry',
    detail: `The hosts file ${read.file} changes where Apple's servers are: ${listed}${more}. Remove these lines (edit the file as administrator) unless you put them there on purpose.`,
    facts: {
      file: read.file,
      findings: findings.length,
      host: first.name,
      line: first.entry.line,
      text: first.entry.text,
      address: first.entry.address,
      effect: first.effect,
    },
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
