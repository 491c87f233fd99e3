import { readdir, readFile, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIRECT_SERVER, REDIRECT_TARGET, startWorld, TEST_ISSUER, type Fault, type World } from '../fake-internet/world';
import { noProxyEnv, runCli } from './run-cli';

// The built CLI as an admin would run it: a hosts-file line sends gs.apple.com elsewhere; the
// preview changes nothing; --yes removes the line and the re-check reaches gs.apple.com; --undo
// puts the line back. The namespace's /etc/hosts is a bind mount of the file named here.

const hostsFile = process.env['SYNC_DOCTOR_TEST_HOSTS_FILE']!;
let earlier: string[] = [];
/** Backups this file's tests made (another test file may have left its own in the folder). */
const backups = async () =>
  (await readdir(path.dirname(hostsFile))).filter((name) => name.includes('.sync-doctor-') && !earlier.includes(name));

// Two redirects: to an address where nothing answers, and to a server that answers for itself
// with its own certificate (an old jailbreak tool's signing server, the classic 3194).
describe.each([
  ['hosts-redirect', REDIRECT_TARGET],
  ['hosts-redirect-server', REDIRECT_SERVER],
] as [Fault, string][])('sync-doctor fix hosts-file-redirect (%s)', (fault, target) => {
  let world: World;
  let env: Record<string, string>;
  const fix = (...args: string[]) =>
    runCli(['fix', 'hosts-file-redirect', ...args, '--expect-issuer', TEST_ISSUER, '--timeout-ms', '3000', '--hosts-file', hostsFile], env);
  beforeAll(async () => {
    world = await startWorld({ faults: { 'gs.apple.com': fault } });
    earlier = await backups();
    env = { ...noProxyEnv, SYNC_DOCTOR_STATE_DIR: await mkdtemp(path.join(os.tmpdir(), 'sd-fix-cli-')) };
  });
  afterAll(async () => {
    await world.stop();
    for (const name of await backups()) await rm(path.join(path.dirname(hostsFile), name));
    await rm(env['SYNC_DOCTOR_STATE_DIR']!, { recursive: true, force: true });
  });

  it('previews the line to remove and changes nothing (standard input is never read)', async () => {
    const before = await readFile(hostsFile);
    const run = await fix();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`- line 3: ${target} gs.apple.com`);
    expect(run.stdout).toContain('Nothing was changed. To apply: sync-doctor fix hosts-file-redirect --yes');
    expect(await readFile(hostsFile)).toEqual(before);
    expect(await backups()).toEqual([]);
  });

  it('--yes removes it, and the re-check finds gs.apple.com reachable', async () => {
    const run = await fix('--yes');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/server:gs\.apple\.com:443 +FAIL dns-redirected {2}-> {2}ok ok/);
    expect(run.stdout).toMatch(/hosts:apple +FAIL hosts-entry {2}-> {2}ok ok/);
    expect(run.stdout).toContain('Fixed: hosts-file-redirect is gone.');
    expect(await readFile(hostsFile, 'utf8')).toBe('127.0.0.1 localhost\n::1 localhost ip6-localhost\n');
    expect(await backups()).toHaveLength(1);
  });

  it('--undo puts the line back; a second --undo has nothing to undo', async () => {
    const run = await fix('--undo');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Undo Remove the hosts-file lines that redirect Apple servers: done');
    expect(await readFile(hostsFile, 'utf8')).toContain(`${target} gs.apple.com`);
    const again = await fix('--undo');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/no record of removing hosts-file lines/);
  });

  it('--json after --yes: the attempts for a script', async () => {
    const run = await fix('--yes', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      findingId: 'hosts-file-redirect',
      passes: true,
      attempts: [
        { fixId: 'remove-hosts-redirects', outcome: { kind: 'applied' } },
        { fixId: 'flush-dns', outcome: { kind: 'nothing-to-do' } },
      ],
    });
  });
});
