import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../app/catalog/builtin';
import { fixture, fixturePath } from '../fixtures/load';
import { decodeHostsBytes } from './decode';
import { forgetHostsReads, hostsLineFor, hostsFileNote } from './lookup';
import { entryFor, findAppleEntries } from './match';
import { MAX_MALFORMED_KEPT, parseHosts } from './parse';
import { readHostsFile, systemHostsPath } from './read';
import { hostsTasks, judgeAppleEntries, judgeHostsFile, watchListOf } from './tasks';
import { expandWindowsEnv, locationFrom, parseDataBasePath } from './windows-location';

const watch = watchListOf(builtinCatalog());
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sd-hosts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hosts file parsing', () => {
  it('reads the stock Windows hosts file (CRLF, all comments) as zero entries', async () => {
    const read = await readHostsFile(fixturePath('windows', 'hosts-default.txt'));
    expect(read.kind).toBe('read');
    if (read.kind !== 'read') return;
    expect(read.parsed.entries).toEqual([]);
    expect(read.parsed.malformed).toEqual([]);
    expect(judgeHostsFile(read).status).toBe('ok');
    expect(judgeAppleEntries(read, watch)).toMatchObject({ status: 'ok', reason: 'ok' });
  });

  it('reads the stock macOS hosts file, including the scoped IPv6 address', async () => {
    const read = await readHostsFile(fixturePath('mac', 'hosts-default.txt'));
    if (read.kind !== 'read') throw new Error(read.why);
    expect(read.parsed.entries.map((entry) => entry.address)).toEqual(['127.0.0.1', '255.255.255.255', '::1', 'fe80::1%lo0']);
    expect(read.parsed.malformed).toEqual([]);
  });

  it('finds the TinyUmbrella gs.apple.com redirect, names line and error 3194, ignores the commented line', async () => {
    const read = await readHostsFile(fixturePath('windows', 'hosts-tinyumbrella.txt'));
    const judged = judgeAppleEntries(read, watch);
    expect(judged).toMatchObject({ status: 'fail', reason: 'hosts-entry' });
    expect(judged.facts).toMatchObject({ host: 'gs.apple.com', line: 23, address: '74.208.105.171', effect: 'redirects', findings: 3 });
    expect(judged.detail).toContain('error 3194');
    expect(judged.detail).toContain('jailbreak');
    expect(judged.detail).toContain('blocks xp.apple.com');
  });

  it('only warns for Apple names the catalog does not list (ad-blocker lines)', async () => {
    const read = await readHostsFile(fixturePath('mac', 'hosts-blocklist.txt'));
    const judged = judgeAppleEntries(read, watch);
    expect(judged).toMatchObject({ status: 'warn', reason: 'hosts-entry' });
    expect(judged.facts).toMatchObject({ findings: 2, host: 'iadsdk.apple.com', effect: 'blocks' });
  });

  it('reports malformed lines with their numbers and keeps the good ones', async () => {
    const read = await readHostsFile(fixturePath('linux', 'hosts-malformed.txt'));
    if (read.kind !== 'read') throw new Error(read.why);
    expect(read.parsed.malformed.map((bad) => bad.line)).toEqual([7, 8, 9, 10]);
    expect(read.parsed.entries.find((entry) => entry.line === 9)?.names).toEqual(['ok.example']);
    const judged = judgeHostsFile(read);
    expect(judged).toMatchObject({ status: 'warn', reason: 'hosts-malformed' });
    expect(judged.detail).toContain('line 7');
    expect(judged.facts).toMatchObject({ malformed: 4, firstMalformedLine: 7 });
  });

  it('keeps only the first few malformed lines of a huge broken file, and counts them all', async () => {
    // 4 MiB of malformed lines: every one used to be kept, quoted, in memory (about 235 MiB).
    const line = 'not-an-address some.host.example\n';
    const count = Math.floor((4 * 1024 * 1024) / line.length);
    const file = path.join(dir, 'broken-hosts');
    await writeFile(file, `${line.repeat(count)}0.0.0.0 gs.apple.com\n`);
    const read = await readHostsFile(file);
    if (read.kind !== 'read') throw new Error(read.why);
    expect(read.parsed.malformed).toHaveLength(MAX_MALFORMED_KEPT);
    expect(read.parsed.malformed.map((bad) => bad.line)).toEqual(Array.from({ length: MAX_MALFORMED_KEPT }, (_, i) => i + 1));
    expect(read.parsed.malformedCount).toBe(count);
    expect(read.parsed.entries).toEqual([{ line: count + 1, address: '0.0.0.0', names: ['gs.apple.com'], text: '0.0.0.0 gs.apple.com' }]);
    const judged = judgeHostsFile(read);
    expect(judged.facts).toMatchObject({ malformed: count, firstMalformedLine: 1 });
    expect(judged.detail).toContain(`${count} line(s) make no sense`);
    expect(judged.detail).toContain(`and ${count - 3} more`);
  });

  it('decodes a UTF-16 file saved by Notepad and says the system may ignore it', async () => {
    const read = await readHostsFile(fixturePath('windows', 'hosts-utf16le-bom.txt'));
    if (read.kind !== 'read') throw new Error(read.why);
    expect(read.decoded.encoding).toBe('utf-16le-bom');
    expect(judgeHostsFile(read)).toMatchObject({ status: 'warn', reason: 'hosts-malformed' });
    expect(judgeAppleEntries(read, watch).facts).toMatchObject({ host: 'gs.apple.com', address: '74.208.10.249' });
  });

  it('recognises UTF-16 without a byte-order mark and a UTF-8 BOM', () => {
    const text = '127.0.0.1 gs.apple.com\r\n';
    expect(decodeHostsBytes(Buffer.from(text, 'utf16le')).encoding).toBe('utf-16le');
    const bom = decodeHostsBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(bom).toMatchObject({ encoding: 'utf-8-bom', text });
    expect(decodeHostsBytes(Buffer.from([0x31, 0xff, 0x20])).encoding).toBe('latin1');
  });

  it('reports a missing file or a folder instead of throwing', async () => {
    const missing = await readHostsFile(path.join(dir, 'nope'));
    expect(judgeHostsFile(missing)).toMatchObject({ status: 'warn', reason: 'hosts-unreadable' });
    expect(judgeHostsFile(missing).detail).toContain('does not exist');
    expect(judgeAppleEntries(await readHostsFile(dir), watch)).toMatchObject({ status: 'skipped', reason: 'hosts-unreadable' });
  });

  it('reads a huge block-list file and says it is large', async () => {
    const file = path.join(dir, 'huge');
    const line = '0.0.0.0 tracker-0000000.example.net\n';
    await writeFile(file, line.repeat(Math.ceil((1.5 * 1024 * 1024) / line.length)));
    const read = await readHostsFile(file);
    const judged = judgeHostsFile(read);
    expect(judged).toMatchObject({ status: 'warn', reason: 'hosts-malformed' });
    expect(judged.detail).toContain('unusually large');
  });

  it('matches wildcard catalog patterns and subdomains, and nothing else', () => {
    const { entries } = parseHosts('1.2.3.4 a.b.mzstatic.com gg3.apple.com apple.com.evil.example notapple.com\n');
    expect(findAppleEntries(entries, watch).map((f) => [f.name, f.inCatalog])).toEqual([
      ['a.b.mzstatic.com', true],
      ['gg3.apple.com', true],
    ]);
  });

  it('finds the first line for a host, as the resolver does', () => {
    const { entries } = parseHosts('1.1.1.1 a.example\n2.2.2.2 GS.Apple.com.\n3.3.3.3 gs.apple.com\n');
    expect(entryFor(entries, 'gs.apple.com')).toMatchObject({ line: 2, address: '2.2.2.2' });
  });

  it('names the hosts-file line for a redirected host', async () => {
    const file = path.join(dir, 'lookup-hosts');
    await writeFile(file, '# test\n198.51.100.7\tgs.apple.com\n');
    expect(await hostsLineFor('gs.apple.com', file)).toEqual({
      file,
      line: 2,
      text: '198.51.100.7\tgs.apple.com',
      address: '198.51.100.7',
    });
    expect(await hostsLineFor('mesu.apple.com', file)).toBeUndefined();
    expect(await hostsFileNote('gs.apple.com', file)).toContain('line 2');
    expect(await hostsFileNote('x.example', path.join(dir, 'missing'))).toBe('');
  });

  it('quotes the file as it is now once the kept reads are forgotten (after a fix)', async () => {
    const file = path.join(dir, 'forget-hosts');
    await writeFile(file, '198.51.100.7 gs.apple.com\n');
    expect(await hostsLineFor('gs.apple.com', file)).toMatchObject({ line: 1 });
    await writeFile(file, '# fixed\n');
    expect(await hostsLineFor('gs.apple.com', file)).toMatchObject({ line: 1 });
    forgetHostsReads();
    expect(await hostsLineFor('gs.apple.com', file)).toBeUndefined();
  });

  it('uses %SystemRoot% for the Windows path', () => {
    expect(systemHostsPath('win32', { SystemRoot: 'D:\\Win' })).toBe('D:\\Win\\System32\\drivers\\etc\\hosts');
    expect(systemHostsPath('darwin', {})).toBe('/etc/hosts');
  });

  it('never throws on arbitrary bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const decoded = decodeHostsBytes(bytes);
        const parsed = parseHosts(decoded.text);
        findAppleEntries(parsed.entries, watch);
        expect(parsed.entries.length).toBeLessThanOrEqual(parsed.lines);
        expect(parsed.malformedCount).toBeLessThanOrEqual(parsed.lines);
      }),
    );
  });

  it('never throws on hosts-like text (property)', () => {
    const token = fc.oneof(fc.ipV4(), fc.ipV6(), fc.domain(), fc.string(), fc.constant('#'), fc.constant('gs.apple.com'));
    const line = fc.array(token, { maxLength: 5 }).map((tokens) => tokens.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const parsed = parseHosts(lines.join('\r\n'));
        for (const entry of parsed.entries) expect(entry.names.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('hosts file in a folder the test makes', () => {
  it('is read from any path given', async () => {
    await mkdir(path.join(dir, 'etc'), { recursive: true });
    const file = path.join(dir, 'etc', 'hosts');
    await writeFile(file, '127.0.0.1 localhost\n0.0.0.0 mesu.apple.com\n');
    const judged = judgeAppleEntries(await readHostsFile(file), watch);
    expect(judged).toMatchObject({ status: 'fail', facts: { host: 'mesu.apple.com', line: 2, effect: 'blocks' } });
  });
});

describe('Windows hosts file location (DataBasePath)', () => {
  const env = { SystemRoot: 'C:\\Windows' };
  const fallback = 'C:\\Windows\\System32\\drivers\\etc\\hosts';

  it('reads the default and a moved location from captured reg output', () => {
    const normal = parseDataBasePath(fixture('windows', 'reg-databasepath-default.txt'));
    expect(normal).toBe('%SystemRoot%\\System32\\drivers\\etc');
    expect(locationFrom(normal, env, fallback)).toEqual({ file: fallback });
    const moved = locationFrom(parseDataBasePath(fixture('windows', 'reg-databasepath-moved.txt')), env, fallback);
    expect(moved).toEqual({ file: 'C:\\ProgramData\\drivers\\etc\\hosts', relocatedFrom: fallback });
    expect(locationFrom(undefined, env, fallback)).toEqual({ file: fallback });
    expect(expandWindowsEnv('%systemroot%\\x %NOPE%', env)).toBe('C:\\Windows\\x %NOPE%');
  });

  it('takes the default DataBasePath for the fallback path, not for a move', () => {
    const value = parseDataBasePath(fixture('windows', 'reg-databasepath-default.txt'));
    for (const other of [{}, { SystemRoot: 'D:\\Win' }, { SYSTEMROOT: 'E:\\W' }]) {
      const file = systemHostsPath('win32', other);
      expect(locationFrom(value, other, file)).toEqual({ file });
    }
  });

  it('says so when the hosts file was moved', async () => {
    const read = await readHostsFile(fixturePath('windows', 'hosts-default.txt'));
    const judged = judgeHostsFile(read, fallback);
    expect(judged).toMatchObject({ status: 'warn', reason: 'hosts-malformed', facts: { relocatedFrom: fallback } });
    expect(judged.detail).toContain('DataBasePath');
  });

  it('runs the hosts checks on a located file, once', async () => {
    let located = 0;
    const tasks = hostsTasks(async () => {
      located++;
      return { file: fixturePath('windows', 'hosts-tinyumbrella.txt') };
    }, watch);
    const [file, apple] = await Promise.all(tasks.map((task) => task.run(AbortSignal.timeout(5000))));
    expect(located).toBe(1);
    expect(file).toMatchObject({ status: 'ok' });
    expect(apple).toMatchObject({ status: 'fail', facts: { host: 'gs.apple.com' } });
  });

  it('never throws on garbage reg output (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), (text) => void locationFrom(parseDataBasePath(text), env, fallback)));
  });
});
