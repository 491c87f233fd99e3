import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../main/platform/exec';
import { fixEnvironment, memoryUndoStore } from '../../main/fixes/fixtures/fake-system';
import { fixById } from '../../main/fixes/registry';

// Inside the test namespace (e2e/fake-internet/in-netns.mjs), /etc/hosts is a bind mount of
// /etc/netns/<name>/hosts, as in containers: replacing it by rename fails there.
const source = process.env['SYNC_DOCTOR_TEST_HOSTS_FILE'];
const BASE = '127.0.0.1 localhost\n::1 localhost ip6-localhost\n';

describe.runIf(source)('remove-hosts-redirects on a bind-mounted /etc/hosts', () => {
  let backups: string;
  beforeAll(async () => {
    backups = await mkdtemp(path.join(os.tmpdir(), 'sd-hosts-backup-'));
  });
  afterAll(async () => {
    await writeFile(source!, BASE);
    await rm(backups, { recursive: true, force: true });
  });

  it('is a mount point here: a rename over it fails with EBUSY', async () => {
    const beside = path.join(path.dirname(source!), 'hosts.next');
    await writeFile(beside, BASE);
    await expect(rename(beside, '/etc/hosts')).rejects.toMatchObject({ code: 'EBUSY' });
    await rm(beside, { force: true });
  });

  it('removes the redirect in place, so the mount and its source both show it; undo puts it back', async () => {
    const redirected = `${BASE}198.18.254.1 gs.apple.com\r\n10.9.8.7 printer.local\n`;
    await writeFile(source!, redirected);
    expect(await readFile('/etc/hosts', 'utf8')).toBe(redirected);
    const undo = memoryUndoStore();
    const env = fixEnvironment('linux', runCommand, { hostsFile: () => Promise.resolve('/etc/hosts'), backupDir: backups, undo });
    const fix = fixById('remove-hosts-redirects');

    const prepared = await fix.prepare(env);
    const result = await prepared.apply();
    expect(result.outcome).toEqual({ kind: 'applied' });
    const fixed = `${BASE}10.9.8.7 printer.local\n`;
    expect(await readFile('/etc/hosts', 'utf8')).toBe(fixed);
    expect(await readFile(source!, 'utf8')).toBe(fixed);
    expect(await readFile(result.backup!, 'utf8')).toBe(redirected);
    expect(path.dirname(result.backup!)).toBe(backups);

    const back = await fix.prepareUndo!(env);
    await expect(back.apply()).resolves.toMatchObject({ outcome: { kind: 'applied' } });
    expect(await readFile('/etc/hosts', 'utf8')).toBe(redirected);
  });
});
