import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../main/cli/args';
import type { FixCommand } from '../../main/cli/fix-args';
import { runFixCommand, type FixCliDeps } from '../../main/cli/fix';
import type { CliIo } from '../../main/cli/main';
import { fakeSystem, fixEnvironment } from '../../main/fixes/fixtures/fake-system';
import { testFinding } from '../../main/fixes/fixtures/findings';
import { startWorld, TEST_ISSUER, type World } from '../fake-internet/world';

// `sync-doctor fix` in process, in the fake internet, on the namespace's own hosts file, with
// the real diagnosis; where a finding cannot happen on Linux, one built here stands in for it.

const hostsFile = process.env['SYNC_DOCTOR_TEST_HOSTS_FILE']!;

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

describe.runIf(hostsFile)('sync-doctor fix in process', () => {
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
    const folder = path.dirname(hostsFile);
    for (const name of await readdir(folder)) if (name.includes('.sync-doctor-')) await rm(path.join(folder, name));
  });

  it('--list names the finding and its fixes, and what is not possible here', async () => {
    const run = capture();
    expect(await runFixCommand(fixArgs(['--list']), run.io)).toBe(0);
    expect(run.stdout()).toMatch(/hosts-file-redirect {2}\(fail\)/);
    expect(run.stdout()).toMatch(/remove-hosts-redirects +Remove the hosts-file lines/);
    expect(run.stdout()).toMatch(/flush-dns +not now: systemd-resolved is not running/);
  });

  it('--json lists the previews a script can read', async () => {
    const run = capture();
    expect(await runFixCommand(fixArgs(['--list', '--json']), run.io)).toBe(0);
    const listed = JSON.parse(run.stdout()) as { findings: { id: string; fixes: { fixId: string; steps: { kind: string }[] }[] }[] };
    const redirect = listed.findings.find((finding) => finding.id === 'hosts-file-redirect');
    expect(redirect?.fixes.map((fix) => fix.fixId)).toEqual(['remove-hosts-redirects', 'flush-dns']);
    expect(redirect?.fixes[0]?.steps.map((step) => step.kind)).toEqual(['edit-file']);
  });

  it('records the attempt, with the re-check before and after, for the support report', async () => {
    const run = capture();
    expect(await runFixCommand(fixArgs(['hosts-file-redirect', '--yes']), run.io)).toBe(0);
    const log = await readFile(path.join(state, 'fix-attempts.jsonl'), 'utf8');
    expect(JSON.parse(log.trim().split('\n')[0]!)).toMatchObject({
      fixId: 'remove-hosts-redirects',
      findingId: 'hosts-file-redirect',
      action: 'apply',
      outcome: { kind: 'applied' },
      steps: [{ kind: 'edit-file', changes: [{ line: 3 }] }],
      before: expect.arrayContaining([expect.objectContaining({ id: 'server:gs.apple.com:443', status: 'fail' })]),
      after: expect.arrayContaining([expect.objectContaining({ id: 'server:gs.apple.com:443', status: 'ok' })]),
    });
    const undo = capture();
    expect(await runFixCommand(fixArgs(['hosts-file-redirect', '--undo']), undo.io)).toBe(0);
  });

  it('without administrator rights: says how to re-run, exit 3, runs nothing', async () => {
    const system = fakeSystem({});
    const run = capture();
    const mac: NonNullable<FixCliDeps['environment']> = (options) => fixEnvironment('mac', system.run, { checks: options.checks });
    const code = await runFixCommand(fixArgs(['device-service-not-running', '--yes']), run.io, {
      diagnose: () => [testFinding('device-service-not-running', [], ['restart-device-service'])],
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
    expect(await runFixCommand(fixArgs(['clock-wrong', '--yes']), run.io)).toBe(0);
    expect(run.stdout()).toBe('No clock-wrong on this computer now: nothing to fix.\n');
  });
});
