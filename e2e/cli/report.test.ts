import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertInsideTestNamespace } from '../fake-internet/net-admin';
import { startWorld, TEST_ISSUER, type World } from '../fake-internet/world';
import { CLI, noProxyEnv, type CliRun } from './run-cli';

// The done-when of the support report: a real run on a computer with personal data planted
// everywhere it can reach a report (home folder and hosts-file path, environment, computer name,
// proxy URL with a password, hosts-file lines, device name, serial, MAC, LAN address), then every
// format checked for each planted value.

const ip = promisify(execFile);

const USER = 'alicesmith';
const COMPUTER = 'ALICE-LAPTOP';
const PASSWORD = 'pa/ss#w0rd';
const VALID_PASSWORD = 's3cretpw';
const PROXY_USER = 'bobproxy';
const DEVICE = "Alice's iPhone";
const SERIAL = 'F2LXK0ABCD12';
const MAC = 'a4:83:e7:12:34:56';
const LAN = '192.168.77.23';
/** The link-local address Linux derives from the MAC above when the interface comes up. */
const LAN_V6 = 'fe80::a683:e7ff:fe12:3456';
const PLANTED = [USER, COMPUTER, PROXY_USER, PASSWORD, 'pa/ss', VALID_PASSWORD, DEVICE, SERIAL, MAC, LAN, LAN_V6];

let world: World;
let root = '';
let home = '';
let hostsFile = '';

/** The CLI on a computer named COMPUTER (its own UTS namespace), with the planted environment. */
function runOnPlantedComputer(args: readonly string[]): Promise<CliRun> {
  const env = {
    ...process.env,
    ...noProxyEnv,
    HOME: home,
    USER,
    LOGNAME: USER,
    SD_COMPUTER: COMPUTER,
    https_proxy: `http://${PROXY_USER}:${PASSWORD}@${LAN}:3128`,
    http_proxy: `http://${PROXY_USER}:${VALID_PASSWORD}@${LAN}:3128`,
  };
  const argv = ['--uts', '/bin/sh', '-c', 'hostname "$SD_COMPUTER" && exec "$@"', 'sh', process.execPath, CLI, ...args];
  return new Promise((resolve) => {
    execFile('/usr/bin/unshare', argv, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const checkOptions = () => ['--expect-issuer', TEST_ISSUER, '--timeout-ms', '3000', '--hosts-file', hostsFile];
const found = (text: string) => PLANTED.filter((value) => text.toLowerCase().includes(value.toLowerCase()));

describe('sync-doctor report on a computer with personal data planted everywhere', () => {
  beforeAll(async () => {
    await assertInsideTestNamespace();
    world = await startWorld({ dns: 'normal' });
    root = await mkdtemp(path.join(tmpdir(), 'sync-doctor-report-'));
    home = path.join(root, 'Users', USER);
    await mkdir(home, { recursive: true });
    hostsFile = path.join(home, `${COMPUTER}-hosts`);
    await writeFile(
      hostsFile,
      [
        `74.208.105.171 gs.apple.com # ${USER}'s redirect`,
        `${LAN} ${COMPUTER} ${COMPUTER.toLowerCase()}.local`,
        `${DEVICE} ${SERIAL} ${MAC}`,
        '',
      ].join('\n'),
    );
    // A LAN interface of this (test) computer: its address and MAC are what the report must find itself.
    await ip('ip', ['link', 'add', 'sdlan0', 'type', 'veth', 'peer', 'name', 'sdlan1']);
    await ip('ip', ['link', 'set', 'sdlan0', 'address', MAC]);
    await ip('ip', ['addr', 'add', `${LAN}/24`, 'dev', 'sdlan0']);
    await ip('ip', ['link', 'set', 'sdlan1', 'up']);
    await ip('ip', ['link', 'set', 'sdlan0', 'up']);
  });
  afterAll(async () => {
    await ip('ip', ['link', 'del', 'sdlan0']).catch(() => undefined);
    await world?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('plants for real: the run itself sees the values (check --json has them), except the proxy password, which never leaves the parser', async () => {
    const run = await runOnPlantedComputer(['check', '--json', ...checkOptions()]);
    for (const value of [USER, COMPUTER, DEVICE, SERIAL, MAC, LAN]) expect(run.stdout.toLowerCase(), value).toContain(value.toLowerCase());
    expect(run.stdout).not.toContain(PASSWORD);
    expect(run.stdout).toContain('proxy');
  });

  it('leaves all of it out of Markdown, HTML and JSON, and keeps the diagnosis', async () => {
    const markdown = await runOnPlantedComputer(['report', ...checkOptions()]);
    expect(markdown.code, markdown.stderr).toBe(1);
    const files: Record<string, string> = { md: markdown.stdout };
    for (const format of ['html', 'json']) {
      const out = path.join(root, `report.${format}`);
      const run = await runOnPlantedComputer(['report', '--out', out, ...checkOptions()]);
      expect(run.code, run.stderr).toBe(1);
      files[format] = await readFile(out, 'utf8');
    }
    for (const [format, text] of Object.entries(files)) {
      expect(found(text), format).toEqual([]);
      expect(text, format).toContain('gs.apple.com');
      expect(text, format).toContain('74.208.105.171');
      expect(text, format).toContain('hosts-entry');
    }
    expect(JSON.parse(files['json'] ?? '{}')).toMatchObject({ schema: 'sync-doctor/report@1', redacted: true });
  });

  it('with --include-personal shows the computer name and still not the proxy credentials', async () => {
    const out = path.join(root, 'personal.json');
    const run = await runOnPlantedComputer(['report', '--include-personal', '--out', out, ...checkOptions()]);
    expect(run.code, run.stderr).toBe(1);
    const text = await readFile(out, 'utf8');
    // The user name is the account's (the test runs as root), the computer's the one planted.
    expect(JSON.parse(text)).toMatchObject({ redacted: false, system: { computerName: COMPUTER, userName: expect.any(String) } });
    expect(text).toContain(LAN);
    for (const secret of [PASSWORD, 'pa/ss', VALID_PASSWORD, PROXY_USER]) expect(text).not.toContain(secret);
  });

  it('reports on a saved check --json with --from, and names a broken one', async () => {
    const saved = path.join(root, 'check.json');
    const check = await runOnPlantedComputer(['check', '--json', ...checkOptions()]);
    await writeFile(saved, check.stdout);
    const fromFile = await runOnPlantedComputer(['report', '--from', saved, '--error', '3194']);
    expect(fromFile.code, fromFile.stderr).toBe(1);
    expect(fromFile.stdout).toContain('**Error code:** 3194');
    expect(found(fromFile.stdout)).toEqual([]);

    const broken = path.join(root, 'broken.json');
    await writeFile(broken, check.stdout.slice(0, 200));
    const refused = await runOnPlantedComputer(['report', '--from', broken]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`sync-doctor: ${broken} is not JSON`);
  });
});
