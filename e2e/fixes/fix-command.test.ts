import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../app/contract/check';
import type { Finding } from '../../app/diagnosis/finding';
import { parseCliArgs } from '../../main/cli/args';
import type { FixCommand } from '../../main/cli/fix-args';
import { runFixCommand, type Diagnose, type FixCliDeps } from '../../main/cli/fix';
import type { CliIo } from '../../main/cli/main';
import { fakeSystem, fixEnvironment } from '../../main/fixes/fixtures/fake-system';
import { REDIRECT_TARGET, startWorld, TEST_ISSUER, type World } from '../fake-internet/world';

// `sync-doctor fix` in process, in the fake internet, with findings built here from the checks
// (the diagnosis is its own module): a hosts-file redirect of gs.apple.com is found, previewed,
// fixed, re-checked and undone on the namespace's own hosts file.

const hostsFile = process.env['SYNC_DOCTOR_TEST_HOSTS_FILE']!;

/** The finding the diagnosis gives for a failing hosts:apple check, as far as fixes care. */
const diagnose: Diagnose = (checks: readonly CheckResult[]) => {
  const hosts = checks.find((check) => check.id === 'hosts:apple');
  if (hosts?.status !== 'fail') return [];
  const evidence = checks
    .filter((check) => check.id === 'hosts:apple' || (check.kind === 'server' && check.reason === 'dns-redirected'))
    .map((c) => c.id);
  return [finding('hosts-file-redirect', evidence, ['remove-hosts-redirects', 'flush-dns'])];
};

function finding(id: Finding['id'], checks: string[], fixes: Finding['fixes']): Finding {
  return {
    id,
    severity: 'fail',
    title: 'The hosts file sends Apple servers elsewhere',
    detail: 'gs.apple.com goes to 198.18.254.1.',
    confidence: 'high',
    checks,
    errorCodes: ['3194'],
    symptoms: ['update-error'],
    fixes,
    steps: { windows: ['Edit the hosts file.'], mac: ['Edit /etc/hosts.'] },
    subject: { hosts: ['gs.apple.com'] },
  };
}

function capture(): { io: CliIo; stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  const stream = (append: (text: string) => void) =>
    ({ write: (text: string) => (append(text), true), isTTY: false, columns: 100 }) as unknown as NodeJS.WriteStream;
  return { io: { stdout: stream((t) => (out += t)), stderr: stream((t) => (err += t)) }, stdout: () => out, stderr: () => err };
}

function fixArgs(argv: string[]): FixCommand {
  const parsed = parseCliArgs(['fix', ...argv, '--expect-issuer', TEST_ISSUER, '--timeout-ms', '3000', '--hosts-file', hostsFile]);
  if (parsed.command !== 'fix') throw new Error(JSON.stringify(parsed));
  return parsed;
}

describe.runIf(hostsFile)('sync-doctor fix in the fake internet', () => {
  let world: World;
  let state: string;
  beforeAll(async () => {
    world = await startWorld({ faults: { 'gs.apple.com': 'hosts-redirect' } });
    state = await mkdtemp(path.join(os.tmpdir(), 'sd-fix-state-'));
    process.env['SYNC_DOCTOR_STATE_DIR'] = state;
  });
  afterAll(async () => {
    delete process.env['SYNC_DOCTOR_STATE_DIR'];
    await world.stop();
    await rm(state, { recursive: true, force: true });
    for (const name of await readdir(path.dirname(hostsFile)))
      if (name.includes('.sync-doctor-')) await rm(path.join(path.dirname(hostsFile), name));
  });

  it('--list names the finding and its fixes', async () => {
    const run = capture();
    expect(await runFixCommand(fixArgs(['--list']), run.io, { diagnose })).toBe(0);
    expect(run.stdout()).toMatch(/hosts-file-redirect {2}\(fail\)/);
    expect(run.stdout()).toMatch(/remove-hosts-redirects +Remove the hosts-file lines/);
  });

  it('a preview shows the line and changes nothing', async () => {
    const before = await readFile(hostsFile);
    const run = capture();
    expect(await runFixCommand(fixArgs(['hosts-file-redirect']), run.io, { diagnose })).toBe(0);
    expect(run.stdout()).toContain(`- line 3: ${REDIRECT_TARGET} gs.apple.com`);
    expect(run.stdout()).toContain('Nothing was changed. To apply: sync-doctor fix hosts-file-redirect --yes');
    expect(await readFile(hostsFile)).toEqual(before);
    expect((await readdir(path.dirname(hostsFile))).filter((name) => name.includes('.sync-doctor-'))).toEqual([]);
  });

  it('--yes removes it, re-checks, and gs.apple.com is reachable; --undo puts it back', async () => {
    const run = capture();
    expect(await runFixCommand(fixArgs(['hosts-file-redirect', '--yes']), run.io, { diagnose })).toBe(0);
    expect(run.stdout()).toMatch(/server:gs\.apple\.com:443 +FAIL dns-redirected {2}-> {2}ok ok/);
    expect(run.stdout()).toContain('Fixed: hosts-file-redirect is gone.');
    expect(await readFile(hostsFile, 'utf8')).not.toContain('gs.apple.com');
    const log = await readFile(path.join(state, 'fix-attempts.jsonl'), 'utf8');
    expect(JSON.parse(log.trim().split('\n')[0]!)).toMatchObject({
      fixId: 'remove-hosts-redirects',
      findingId: 'hosts-file-redirect',
      outcome: { kind: 'applied' },
      before: expect.arrayContaining([expect.objectContaining({ id: 'server:gs.apple.com:443', status: 'fail' })]),
      after: expect.arrayContaining([expect.objectContaining({ id: 'server:gs.apple.com:443', status: 'ok' })]),
    });

    const undo = capture();
    expect(await runFixCommand(fixArgs(['hosts-file-redirect', '--undo']), undo.io, { diagnose })).toBe(0);
    expect(undo.stdout()).toContain('Undo Remove the hosts-file lines that redirect Apple servers: done');
    expect(await readFile(hostsFile, 'utf8')).toContain(`${REDIRECT_TARGET} gs.apple.com`);
  });

  it('without administrator rights: says how to re-run, exit 3, runs nothing', async () => {
    const system = fakeSystem({});
    const run = capture();
    const mac: NonNullable<FixCliDeps['environment']> = (options) => fixEnvironment('mac', system.run, { checks: options.checks });
    const serviceDiagnose: Diagnose = () => [finding('device-service-not-running', [], ['restart-device-service'])];
    const code = await runFixCommand(fixArgs(['device-service-not-running', '--yes']), run.io, {
      diagnose: serviceDiagnose,
      os: 'mac',
      isElevated: () => Promise.resolve(false),
      environment: mac,
    });
    expect(code).toBe(3);
    expect(run.stderr()).toContain('"Restart the Apple device service" needs administrator rights');
    expect(run.stderr()).toContain('sudo sync-doctor fix device-service-not-running --yes');
    expect(system.calls).toEqual([]);
  });

  it('a finding that is not there: nothing to fix, exit 0', async () => {
    const run = capture();
    expect(await runFixCommand(fixArgs(['clock-wrong', '--yes']), run.io, { diagnose })).toBe(0);
    expect(run.stdout()).toBe('No clock-wrong on this computer now: nothing to fix.\n');
  });
});
