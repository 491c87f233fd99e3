import { describe, expect, it } from 'vitest';
import { summarize, type CheckResult, type Report } from '../../app/contract/check';
import { diagnose } from '../../app/diagnosis/diagnose';
import { healthyChecks, intercepted, plus, systemCheck, withChecks } from '../../app/diagnosis/fixtures/runs';
import { fleetExitCode, fleetLine } from './fleet-output';

function reportOf(checks: CheckResult[]): Report {
  return {
    schema: 'sync-doctor/report@1',
    startedAt: '2026-12-02T10:00:00.000Z',
    durationMs: 900,
    cancelled: false,
    catalog: { version: '2026.11.25.2', updated: '2026-11-25', source: 'built-in' },
    platform: { os: 'win32', release: '10.0.22631', arch: 'x64' },
    summary: summarize(checks),
    checks,
    findings: diagnose(checks),
  };
}

const personal = systemCheck(
  'hosts:apple',
  'hosts',
  'fail',
  'hosts-entry',
  'The hosts file C:\\Users\\alice\\hosts on ALICE-PC sends gs.apple.com to 10.0.0.7.',
  {
    facts: { host: 'gs.apple.com', file: 'C:\\Users\\alice\\hosts' },
  },
);
const broken = reportOf(plus(withChecks(healthyChecks(), { 'server:mesu.apple.com:443': intercepted() }), personal));

describe('fleet output', () => {
  it('jamf-ea: one <result> line, OK on a healthy run, exit 0 either way', () => {
    const healthy = reportOf(healthyChecks());
    expect(fleetLine('jamf-ea', { report: healthy })).toBe('<result>OK</result>');
    expect(fleetLine('jamf-ea', { report: broken })).toMatch(
      /^<result>(hosts-file-redirect gs\.apple\.com|https-inspection mesu\.apple\.com)<\/result>$/,
    );
    expect(fleetExitCode('jamf-ea', broken)).toBe(0);
  });

  it('intune: one line under 2,048 characters, exit 1 only with a failing finding', () => {
    const line = fleetLine('intune', { report: broken });
    expect(line).not.toContain('\n');
    expect(line.length).toBeLessThanOrEqual(2048);
    expect(line).toMatch(/^PROBLEM: .*hosts-file-redirect \(gs\.apple\.com\).*https-inspection \(mesu\.apple\.com\)/);
    expect(fleetExitCode('intune', broken)).toBe(1);
    expect(fleetLine('intune', { report: reportOf(healthyChecks()) })).toMatch(/^OK: no problem found/);
    expect(fleetExitCode('intune', reportOf(healthyChecks()))).toBe(0);
  });

  it('intune: stays within 2,048 characters however many hosts a finding names', () => {
    const many = healthyChecks().map((check) =>
      check.kind === 'server' && check.port === 443
        ? ({ ...check, ...intercepted(), host: `${'x'.repeat(200)}.${check.host}` } as CheckResult)
        : check,
    );
    expect(fleetLine('intune', { report: reportOf(many) }).length).toBe(2048);
  });

  it('never prints personal data from the details: user, computer name, paths, private addresses', () => {
    for (const format of ['jamf-ea', 'intune'] as const) {
      const line = fleetLine(format, { report: broken });
      for (const secret of ['alice', 'ALICE-PC', 'Users', '10.0.0.7']) expect(line).not.toContain(secret);
    }
  });

  it('a check that could not run gives one line, never a path from the message', () => {
    expect(fleetLine('jamf-ea', { problem: 'cannot read C:\\Users\\alice\\catalog.json' })).toBe(
      '<result>ERROR could not run the check</result>',
    );
    expect(fleetLine('intune', { problem: 'cannot read /home/alice/x' })).not.toContain('alice');
  });
});
