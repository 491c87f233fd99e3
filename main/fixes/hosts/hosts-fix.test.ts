import { chmod, mkdtemp, readdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../../system/fixtures/load';
import { fakeSystem, fixEnvironment, memoryUndoStore } from '../fixtures/fake-system';
import { fixById } from '../registry';
import { planHostsEdit } from './edit';
import { builtinCatalog } from '../../../app/catalog/builtin';
import { watchListOf } from '../../system/hosts/tasks';

const fix = fixById('remove-hosts-redirects');
const watch = watchListOf(builtinCatalog());
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sd-hosts-fix-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A hosts file of our own, and a fix environment pointed at it. */
async function setUp(name: string, content: Uint8Array | string) {
  const folder = await mkdtemp(path.join(dir, `${name}-`));
  const file = path.join(folder, 'hosts');
  await writeFile(file, content);
  const undo = memoryUndoStore();
  const env = fixEnvironment('linux', fakeSystem({}).run, { hostsFile: () => Promise.resolve(file), undo });
  return { folder, file, undo, env };
}

const withoutLines = (text: string, numbers: number[], eol: string) =>
  text
    .split(eol)
    .filter((_, index) => !numbers.includes(index + 1))
    .join(eol);

describe('remove-hosts-redirects on real files', () => {
  it('a fix, its undo and the same fix again within one second each get their own backup', async () => {
    const { env } = await setUp('same-second', '127.0.0.1 localhost\n74.208.105.171 gs.apple.com\n');
    let clock = new Date('2026-12-02T09:53:00.100Z');
    const timed = { ...env, now: () => clock };
    const first = await fix.prepare(timed);
    expect(await first.apply()).toMatchObject({ outcome: { kind: 'applied' } });
    const undone = await fix.prepareUndo!(timed);
    expect(await undone.apply()).toMatchObject({ outcome: { kind: 'applied' } });
    clock = new Date('2026-12-02T09:53:00.700Z');
    const again = await fix.prepare(timed);
    expect(await again.apply()).toMatchObject({ outcome: { kind: 'applied' } });
  });

  it('CRLF (TinyUmbrella): removes only the lines for the catalog hosts, keeps every other byte, backs up first, and undoes', async () => {
    const original = await readFile(fixturePath('windows', 'hosts-tinyumbrella.txt'));
    const { folder, file, undo, env } = await setUp('crlf', original);
    const prepared = await fix.prepare(env);
    const step = prepared.steps[0];
    if (step?.kind !== 'edit-file') throw new Error('expected an edit-file step');
    expect(step.changes.map((change) => [change.line, change.before])).toEqual([
      [23, '74.208.105.171 gs.apple.com'],
      [25, '0.0.0.0 xp.apple.com'],
    ]);
    // ocsp.apple.com is not a host sync or updates need: a line blocking it is the user's business.
    expect(step.purpose).toContain('Kept: line 26 (ocsp.apple.com)');
    expect(step.backup).toBe(path.join(folder, 'hosts.sync-doctor-20261202T095300000Z.bak'));
    expect(await readFile(file)).toEqual(original);

    const result = await prepared.apply();
    expect(result).toMatchObject({ outcome: { kind: 'applied' }, backup: step.backup });
    const text = original.toString('latin1');
    expect((await readFile(file)).toString('latin1')).toBe(withoutLines(text, [23, 25], '\r\n'));
    expect(await readFile(step.backup)).toEqual(original);
    expect(undo.records.get('remove-hosts-redirects')?.data).toMatchObject({ file, backup: step.backup });

    const back = await fix.prepareUndo!(env);
    expect(back.blocked).toBeUndefined();
    await expect(back.apply()).resolves.toMatchObject({ outcome: { kind: 'applied' } });
    expect(await readFile(file)).toEqual(original);
    expect(undo.records.size).toBe(0);
  });

  it('UTF-16 with a byte-order mark stays UTF-16 with its mark and CRLF endings', async () => {
    const original = await readFile(fixturePath('windows', 'hosts-utf16le-bom.txt'));
    const { file, env } = await setUp('utf16', original);
    const prepared = await fix.prepare(env);
    const step = prepared.steps[0];
    if (step?.kind !== 'edit-file') throw new Error('expected an edit-file step');
    expect(step.purpose).toContain('utf-16le-bom');
    await expect(prepared.apply()).resolves.toMatchObject({ outcome: { kind: 'applied' } });
    const after = await readFile(file);
    expect([...after.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const text = original.subarray(2).toString('utf16le');
    const removed = step.changes.map((change) => change.line);
    expect(removed.length).toBeGreaterThan(0);
    expect(after.subarray(2).toString('utf16le')).toBe(withoutLines(text, removed, '\r\n'));
  });

  it('a line naming other hosts too loses only the Apple names; mixed endings, Latin-1 bytes and ad-block lines stay', async () => {
    const original = Buffer.concat([
      Buffer.from('# caf'),
      Buffer.from([0xe9, 0x80]), // Latin-1 é and a Windows-1252 euro sign: not UTF-8
      Buffer.from(
        '\n127.0.0.1 localhost\r\n10.0.0.5\tgs.apple.com  nas.local\tGS.APPLE.COM. # old jailbreak\r0.0.0.0 iadsdk.apple.com\n198.51.100.7 mesu.apple.com',
      ),
    ]);
    const { file, env } = await setUp('mixed', original);
    const prepared = await fix.prepare(env);
    const step = prepared.steps[0];
    if (step?.kind !== 'edit-file') throw new Error('expected an edit-file step');
    expect(step.changes).toEqual([
      { line: 3, before: '10.0.0.5\tgs.apple.com  nas.local\tGS.APPLE.COM. # old jailbreak', after: '10.0.0.5  nas.local # old jailbreak' },
      { line: 5, before: '198.51.100.7 mesu.apple.com' },
    ]);
    expect(step.purpose).toContain('Kept: line 4 (iadsdk.apple.com)');
    await prepared.apply();
    expect(await readFile(file)).toEqual(
      Buffer.concat([
        Buffer.from('# caf'),
        Buffer.from([0xe9, 0x80]),
        Buffer.from('\n127.0.0.1 localhost\r\n10.0.0.5  nas.local # old jailbreak\r0.0.0.0 iadsdk.apple.com\n'),
      ]),
    );
  });

  it('a read-only file is left alone: nothing written, no backup', async () => {
    const { folder, file, env } = await setUp('readonly', '127.0.0.1 localhost\n198.51.100.7 gs.apple.com\n');
    await chmod(file, 0o444);
    const prepared = await fix.prepare(env);
    expect(prepared.blocked).toMatch(/marked read-only/);
    await expect(prepared.apply()).resolves.toMatchObject({ outcome: { kind: 'failed' } });
    expect(await readFile(file, 'utf8')).toBe('127.0.0.1 localhost\n198.51.100.7 gs.apple.com\n');
    expect(await readdir(folder)).toEqual(['hosts']);
  });

  it('a file changed between preview and apply is not touched: preview again', async () => {
    const { folder, file, env, undo } = await setUp('changed', '198.51.100.7 gs.apple.com\n');
    const prepared = await fix.prepare(env);
    await appendFile(file, '10.1.1.1 printer.local\n');
    const result = await prepared.apply();
    expect(result.outcome).toMatchObject({ kind: 'changed-since-preview', why: expect.stringContaining('Preview again') });
    expect(await readFile(file, 'utf8')).toBe('198.51.100.7 gs.apple.com\n10.1.1.1 printer.local\n');
    expect(await readdir(folder)).toEqual(['hosts']);
    expect(undo.records.size).toBe(0);
    const again = await fix.prepare(env);
    await expect(again.apply()).resolves.toMatchObject({ outcome: { kind: 'applied' } });
    expect(await readFile(file, 'utf8')).toBe('10.1.1.1 printer.local\n');
  });

  it('undo refuses when the file changed after the fix, and names the backup', async () => {
    const { file, env } = await setUp('undo-changed', '198.51.100.7 gs.apple.com\n');
    const applied = await (await fix.prepare(env)).apply();
    await appendFile(file, '10.1.1.1 printer.local\n');
    const back = await fix.prepareUndo!(env);
    expect(back.blocked).toContain(applied.backup!);
    await expect(back.apply()).resolves.toMatchObject({ outcome: { kind: 'failed' } });
    expect(await readFile(file, 'utf8')).toBe('10.1.1.1 printer.local\n');
  });

  it('undo acts only on a backup with our name beside the file', async () => {
    const { file, env, undo } = await setUp('undo-forged', '127.0.0.1 localhost\n');
    await writeFile(path.join(dir, 'evil'), '6.6.6.6 gs.apple.com\n');
    await undo.save({ fixId: 'remove-hosts-redirects', at: 'x', data: { file, backup: path.join(dir, 'evil'), written: 'x' } });
    const back = await fix.prepareUndo!(env);
    expect(back.blocked).toMatch(/does not name a Sync Doctor backup/);
    expect(await readFile(file, 'utf8')).toBe('127.0.0.1 localhost\n');
  });

  it('says so when there is nothing to remove', async () => {
    const { env } = await setUp('clean', '127.0.0.1 localhost\n0.0.0.0 iadsdk.apple.com\n');
    const prepared = await fix.prepare(env);
    expect(prepared.blocked).toMatch(/nothing to remove/);
    await expect(prepared.apply()).resolves.toMatchObject({ outcome: { kind: 'nothing-to-do' } });
  });
});

describe('planHostsEdit', () => {
  it('UTF-16 big-endian and a last line without an ending', () => {
    const text = '127.0.0.1 localhost\r\n198.51.100.7 gs.apple.com';
    const utf16be = Buffer.from(text, 'utf16le').swap16();
    const edit = planHostsEdit(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), watch);
    expect(edit.encoding).toBe('utf-16be-bom');
    expect(Buffer.from(edit.bytes)).toEqual(
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('127.0.0.1 localhost\r\n', 'utf16le').swap16()]),
    );
  });

  it('an empty file has nothing to change', () => {
    expect(planHostsEdit(new Uint8Array(), watch)).toMatchObject({ changes: [], bytes: new Uint8Array() });
  });
});
