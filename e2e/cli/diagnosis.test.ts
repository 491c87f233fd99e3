import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../app/contract/check';
import { startWorld, TEST_ISSUER, type Scenario, type World } from '../fake-internet/world';
import { startTinyproxy } from '../system/tinyproxy';
import { noProxyEnv, parseReport, runCli } from './run-cli';

// The diagnosis end to end: the built CLI in the fake internet, one fault at a time, and the first
// finding it names. Full checks (network and this computer), as a user runs them.
let world: World | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

async function diagnosed(
  scenario: Scenario,
  extra: readonly string[] = [],
  env: Record<string, string> = noProxyEnv,
): Promise<Report & { error?: unknown }> {
  world = await startWorld(scenario);
  const run = await runCli(['check', '--json', '--expect-issuer', TEST_ISSUER, '--timeout-ms', '1500', ...extra], env);
  return parseReport(run);
}

const problems = (report: Report) => (report.findings ?? []).filter((finding) => finding.severity !== 'info');

describe('findings in the fake internet', () => {
  it('healthy: no problem at all', async () => {
    const report = await diagnosed({});
    expect(report.findings).toBeDefined();
    expect(problems(report)).toEqual([]);
  });

  it.each([
    [
      'a few servers dropped',
      { faults: { 'appldnld.apple.com': 'drop', 'mesu.apple.com': 'drop' } },
      'firewall-blocks-apple',
      /appldnld\.apple\.com and mesu\.apple\.com/,
    ],
    [
      'a server refusing connections',
      { faults: { 'configuration.apple.com': 'reset' } },
      'firewall-blocks-apple',
      /configuration\.apple\.com/,
    ],
    ['everything dropped', { defaultFault: 'drop' }, 'no-internet', /every connection times out or is refused/],
    ['no DNS server at all', { dns: 'absent' }, 'no-internet', /name lookup/],
    [
      'interception on three hosts',
      { faults: { 'updates.cdn-apple.com': 'intercept', 'mesu.apple.com': 'intercept', 'gs.apple.com': 'intercept' } },
      'https-inspection',
      /Contoso Web Shield/,
    ],
    ['a hosts-file redirect of gs.apple.com', { faults: { 'gs.apple.com': 'hosts-redirect' } }, 'hosts-file-redirect', /gs\.apple\.com/],
    [
      'a DNS block list that says Apple names do not exist',
      { faults: { 'xp.apple.com': 'nxdomain', 'skl.apple.com': 'nxdomain' } },
      'dns-filter',
      /xp\.apple\.com/,
    ],
    [
      'a proxy refusal page (403)',
      { faults: { 'gs.apple.com': 'proxy-block', 'mesu.apple.com': 'proxy-block' } },
      'proxy-blocks-apple',
      /squid/i,
    ],
    ['a clock three hours behind', { ntpClockOffsetMs: 3 * 3600_000 }, 'clock-wrong', /3\.0 hours behind/],
  ] as const)('%s: %s first', async (_name, scenario, expected, detail) => {
    const report = await diagnosed(scenario as Scenario);
    const [first] = problems(report);
    expect(first?.id).toBe(expected);
    expect(first!.detail).toMatch(detail);
    for (const id of first!.checks) expect(report.checks.some((check) => check.id === id)).toBe(true);
  });

  it('no internet is one finding, not forty', async () => {
    const report = await diagnosed({ defaultFault: 'drop' });
    expect(report.summary.fail).toBeGreaterThan(30);
    expect(problems(report).map((finding) => finding.id)).toEqual(['no-internet']);
  });

  it('a proxy that wants a password (407): proxy-needs-password first', async () => {
    world = await startWorld({});
    const proxy = await startTinyproxy({ auth: { user: 'alice', password: 's3cret' } });
    try {
      const run = await runCli(['check', '--json', '--only', 'network', '--expect-issuer', TEST_ISSUER, '--timeout-ms', '3000'], {
        ...noProxyEnv,
        https_proxy: proxy.url,
        http_proxy: proxy.url,
      });
      expect(problems(parseReport(run))[0]?.id).toBe('proxy-needs-password');
    } finally {
      await proxy.stop();
    }
  });

  it('a proxy that is down, without the proxy check: proxy-unreachable, not no internet', async () => {
    world = await startWorld({});
    const proxy = await startTinyproxy();
    const url = proxy.url;
    await proxy.stop();
    const run = await runCli(['check', '--json', '--only', 'network', '--expect-issuer', TEST_ISSUER, '--timeout-ms', '1500'], {
      ...noProxyEnv,
      https_proxy: url,
      http_proxy: url,
    });
    const [first] = problems(parseReport(run));
    expect(first).toMatchObject({ id: 'proxy-unreachable', confidence: 'medium' });
    expect(first!.detail).toContain(url);
  });
});

describe('check --error', () => {
  it('3194 with a hosts-file redirect: confirmed, and the plain output ends with the cause', async () => {
    const report = await diagnosed({ faults: { 'gs.apple.com': 'hosts-redirect' } }, ['--error', '3194']);
    const error = report.error as { code: string; causes: { id: string; status: string; checks: string[] }[] };
    expect(error.code).toBe('3194');
    expect(error.causes.find((cause) => cause.id === 'hosts-file-redirect')).toMatchObject({ status: 'confirmed' });
    expect(error.causes.find((cause) => cause.id === 'apple-not-signing')).toMatchObject({ status: 'not-checked', checks: [] });

    const plain = await runCli(['check', '--expect-issuer', TEST_ISSUER, '--timeout-ms', '1500', '--error', '3194'], noProxyEnv);
    const lastLines = plain.stdout.trimEnd().split('\n').slice(-2).join(' ');
    expect(lastLines).toMatch(/Error 3194: the cause found on this computer is "The hosts file sends Apple's servers to the wrong place"/);
  });

  it('3194 on a healthy network: the network is ruled out and Apple refusing to sign is what is left', async () => {
    world = await startWorld({});
    const plain = await runCli(['check', '--expect-issuer', TEST_ISSUER, '--timeout-ms', '1500', '--error', '3194'], noProxyEnv);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/What we found\n {2}Nothing on this computer or its network is in the way/);
    expect(plain.stdout.replace(/\s+/g, ' ')).toMatch(
      /Error 3194: the network and this computer were ruled out\. .*Apple most likely refused to sign/,
    );
  });

  it('refuses a code that is not one, before running anything', async () => {
    const run = await runCli(['check', '--error', '31;94']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not an error code/);
    expect(run.stdout).toBe('');
  });
});

describe('fleet formats', () => {
  it('jamf-ea and intune on a healthy network: OK, exit 0, nothing on stderr', async () => {
    world = await startWorld({});
    const jamf = await runCli(['check', '--format', 'jamf-ea', '--expect-issuer', TEST_ISSUER, '--timeout-ms', '1500'], noProxyEnv);
    expect(jamf).toMatchObject({ code: 0, stdout: '<result>OK</result>\n', stderr: '' });
    const intune = await runCli(['check', '--format', 'intune', '--expect-issuer', TEST_ISSUER, '--timeout-ms', '1500'], noProxyEnv);
    expect(intune.code).toBe(0);
    expect(intune.stderr).toBe('');
    expect(intune.stdout).toMatch(/^OK: no problem found \(.*\)\n$/);
  });

  it('with a hosts-file redirect: jamf names the finding and host; intune exits 1 with one line', async () => {
    world = await startWorld({ faults: { 'gs.apple.com': 'hosts-redirect' } });
    const jamf = await runCli(['check', '--format', 'jamf-ea', '--expect-issuer', TEST_ISSUER, '--timeout-ms', '1500'], noProxyEnv);
    expect(jamf).toMatchObject({ code: 0, stdout: '<result>hosts-file-redirect gs.apple.com</result>\n', stderr: '' });
    const intune = await runCli(['check', '--format', 'intune', '--expect-issuer', TEST_ISSUER, '--timeout-ms', '1500'], noProxyEnv);
    expect(intune.code).toBe(1);
    expect(intune.stderr).toBe('');
    const lines = intune.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBeLessThanOrEqual(2048);
    expect(lines[0]).toMatch(/^PROBLEM: FAIL hosts-file-redirect \(gs\.apple\.com\)/);
    expect(intune.stdout).not.toContain('/etc/hosts');
  });

  it('a catalog that cannot be read: still one line on stdout and nothing on stderr', async () => {
    const run = await runCli(['check', '--format', 'intune', '--catalog', '/nonexistent/catalog.json']);
    expect(run).toMatchObject({ code: 2, stderr: '' });
    expect(run.stdout).toBe('ERROR: Sync Doctor could not run the check (exit 2).\n');
  });
});

describe('sync-doctor explain', () => {
  it('a known code: meaning, causes with confidence, the deciding checks; exit 0', async () => {
    const run = await runCli(['explain', '3194']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Error 3194: The update could not be signed by Apple/);
    expect(run.stdout).toMatch(/\[high\] +hosts-file-redirect/);
    expect(run.stdout).toMatch(/\[high\] +apple-not-signing/);
    expect(run.stdout).toContain('sync-doctor check --error 3194');
  });

  it('--json has the documented shape, negative codes included', async () => {
    const run = await runCli(['explain', '-54', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['code', 'title', 'meaning', 'causes', 'checks']));
    expect(json).toMatchObject({ code: '-54', causes: [{ id: 'file-permissions', confidence: 'low', detail: expect.any(String) }] });
  });

  it('a launch-day code says to try again later', async () => {
    const run = await runCli(['explain', '3004']);
    expect(run.stdout).toMatch(/apple-servers-busy[\s\S]*try again in a few hours/);
  });

  it('reads the trust error in hex and as iTunes prints it in decimal', async () => {
    for (const code of ['0xe8000015', '-402653163']) {
      const run = await runCli(['explain', code, '--json']);
      const json = JSON.parse(run.stdout) as { code: string; causes: { id: string }[] };
      expect(json.code).toBe('0xE8000015');
      expect(json.causes[0]?.id).toBe('device-not-trusted');
    }
  });

  it('a well-formed code it does not know: says so, suggests the check, exit 1', async () => {
    const run = await runCli(['explain', '424242']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/not one Sync Doctor knows.*sync-doctor check/);
  });

  it.each([['banana'], ['3194;id'], ['0xZZZZ'], ['9'.repeat(40)], ['']])('garbage %j: exit 2 with a usage message', async (code) => {
    const run = await runCli(['explain', code]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not an error code|needs an error code/);
    expect(run.stdout).toBe('');
  });

  it('no code: exit 2', async () => {
    const run = await runCli(['explain']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/explain needs an error code/);
  });
});
