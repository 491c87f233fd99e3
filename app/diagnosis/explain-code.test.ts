import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose';
import { explainCode, judgeErrorCode } from './explain-code';
import { healthyChecks, plus, systemCheck, withChecks } from './fixtures/runs';

describe('explainCode', () => {
  it('puts the most likely causes first and lists the checks that decide', () => {
    const explanation = explainCode('3194')!;
    expect(explanation.causes[0]!.confidence).toBe('high');
    expect(explanation.causes.map((cause) => cause.confidence)).toEqual(
      [...explanation.causes.map((cause) => cause.confidence)].sort(
        (a, b) => ['high', 'medium', 'low'].indexOf(a) - ['high', 'medium', 'low'].indexOf(b),
      ),
    );
    expect(explanation.checks).toEqual(expect.arrayContaining(['hosts:apple', 'server:gs.apple.com:*']));
  });

  it('returns nothing for a well-formed code it does not know', () => {
    expect(explainCode('424242')).toBeUndefined();
  });
});

describe('judgeErrorCode', () => {
  it('confirms the hosts file for 3194 when a line redirects gs.apple.com', () => {
    const checks = plus(
      withChecks(healthyChecks(), {
        'server:gs.apple.com:443': {
          status: 'fail',
          reason: 'dns-redirected',
          detail: 'Redirected. The hosts file /etc/hosts does it, line 3: "1.2.3.4 gs.apple.com".',
          dns: { system: ['1.2.3.4'], direct: ['17.1.1.1'] },
        },
      }),
      systemCheck('hosts:apple', 'hosts', 'fail', 'hosts-entry', 'Line 3 sends gs.apple.com to 1.2.3.4.', {
        facts: { host: 'gs.apple.com' },
      }),
    );
    const verdict = judgeErrorCode('3194', checks, diagnose(checks));
    expect(verdict.causes.find((cause) => cause.id === 'hosts-file-redirect')).toEqual({
      id: 'hosts-file-redirect',
      status: 'confirmed',
      checks: ['server:gs.apple.com:443', 'hosts:apple'],
    });
    expect(verdict.causes.find((cause) => cause.id === 'apple-not-signing')?.status).toBe('not-checked');
    expect(verdict.conclusion).toMatch(/hosts file/);
  });

  it('rules the network out for 3194 on a healthy run and says nothing here can fix it', () => {
    const checks = healthyChecks();
    const verdict = judgeErrorCode('3194', checks, diagnose(checks));
    const network = verdict.causes.filter((cause) => cause.id !== 'apple-not-signing');
    expect(network.every((cause) => cause.status === 'ruled-out')).toBe(true);
    expect(verdict.conclusion).toMatch(/ruled out.*Apple most likely refused to sign.*[Nn]othing on this computer can fix/);
  });

  it('does not rule out a cause whose checks did not run', () => {
    const checks = healthyChecks().filter((check) => !check.id.startsWith('server:gs.apple.com'));
    const verdict = judgeErrorCode('3194', checks, diagnose(checks));
    expect(verdict.causes.find((cause) => cause.id === 'dns-filter')).toMatchObject({ status: 'not-checked', checks: [] });
    expect(verdict.conclusion).toMatch(/could not be ruled out/);
  });

  it('says plainly when a code is unknown', () => {
    const checks = healthyChecks();
    expect(judgeErrorCode('424242', checks, diagnose(checks))).toMatchObject({ title: 'Unknown error code', causes: [] });
  });
});
