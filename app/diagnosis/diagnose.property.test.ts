import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NETWORK_REASONS, type CheckResult, type SystemCheck } from '../contract/check';
import type { SystemReason } from '../contract/system-reasons';
import { diagnose } from './diagnose';
import { healthyChecks } from './fixtures/runs';

const BASE = healthyChecks();

// Statuses go with reasons as the checks produce them: a problem reason warns or fails, a passing
// one is ok, a check that did not run is skipped; and each kind of system check has its own reasons.
const COULD_NOT_LOOK = ['cannot-run', 'output-not-understood', 'timed-out'] as const;
const SYSTEM_PROBLEMS: Record<SystemCheck['kind'], readonly SystemReason[]> = {
  process: ['process-missing', ...COULD_NOT_LOOK],
  service: ['service-stopped', 'service-missing', 'software-missing', ...COULD_NOT_LOOK],
  listener: ['port-held', 'port-not-listening', ...COULD_NOT_LOOK],
  hosts: ['hosts-entry', 'hosts-unreadable', 'hosts-malformed'],
  proxy: ['proxy-pac', 'proxy-invalid', 'proxy-unreachable', ...COULD_NOT_LOOK],
  firewall: ['firewall-blocks', 'security-product', ...COULD_NOT_LOOK],
  clock: ['clock-unknown'],
  device: [
    'device-none',
    'device-not-trusted',
    'device-service-unreachable',
    'device-driver-problem',
    'device-not-on-usb',
    ...COULD_NOT_LOOK,
  ],
};
const SYSTEM_PASSING = ['ok', 'firewall-off', 'process-optional-missing', 'proxy-in-use'] as const;
const NETWORK_PROBLEMS = NETWORK_REASONS.filter((reason) => reason !== 'ok' && reason !== 'not-testable' && reason !== 'cancelled');

const outcome = fc.oneof(
  fc.record({ status: fc.constant('ok' as const), networkReason: fc.constant('ok' as const), pick: fc.nat() }),
  fc.record({
    status: fc.constant('skipped' as const),
    networkReason: fc.constantFrom('not-testable' as const, 'cancelled' as const),
    pick: fc.nat(),
  }),
  fc.record({
    status: fc.constantFrom('warn' as const, 'fail' as const),
    networkReason: fc.constantFrom(...NETWORK_PROBLEMS),
    pick: fc.nat(),
  }),
);

function systemReasonFor(check: SystemCheck, status: CheckResult['status'], pick: number): string {
  const choices: readonly string[] =
    status === 'ok'
      ? SYSTEM_PASSING
      : status === 'skipped'
        ? ['not-applicable', 'cancelled']
        : check.kind === 'clock'
          ? ['clock-skew', 'clock-unknown']
          : check.id === 'hosts:file'
            ? ['hosts-unreadable', 'hosts-malformed']
            : SYSTEM_PROBLEMS[check.kind];
  return choices[pick % choices.length]!;
}

/** Any plausible outcome on any check, with the odd http/dns detail a real run has. */
const mutation = fc.record({
  outcome,
  httpStatus: fc.constantFrom(200, 302, 401, 403, 407, 500),
  systemAddress: fc.constantFrom('0.0.0.0', '74.208.105.171', '127.0.0.1', '::'),
  via: fc.option(fc.constant('proxy.example:3128'), { nil: undefined }),
});

const runs = fc.array(fc.option(mutation, { nil: undefined, freq: 3 }), { minLength: BASE.length, maxLength: BASE.length }).map((edits) =>
  BASE.map((check, index): CheckResult => {
    const edit = edits[index];
    if (!edit) return check;
    const { status, networkReason: reason, pick } = edit.outcome;
    if (check.group === 'system') {
      const systemReason = systemReasonFor(check as SystemCheck, status, pick);
      // The hosts check reads a malformed file anyway: it only ever warns.
      return { ...check, status: systemReason === 'hosts-malformed' ? 'warn' : status, reason: systemReason } as CheckResult;
    }
    if (check.kind === 'server') {
      return {
        ...check,
        status,
        reason,
        http: { status: edit.httpStatus, ...(edit.httpStatus === 302 ? { location: 'http://portal.example/' } : {}) },
        dns: { system: [edit.systemAddress], direct: ['17.1.1.1'] },
        ...(edit.via ? { via: edit.via } : {}),
      };
    }
    return { ...check, status, reason } as CheckResult;
  }),
);

describe('diagnose: properties', () => {
  it('a run whose checks all passed has no problem finding', () => {
    fc.assert(
      fc.property(runs, (checks) => {
        const passed = checks.filter((check) => check.status === 'ok' || check.status === 'skipped');
        expect(diagnose(passed).filter((finding) => finding.severity !== 'info')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('names only checks that exist, each finding once, and explains every failed check', () => {
    fc.assert(
      fc.property(runs, (checks) => {
        const findings = diagnose(checks);
        const known = new Set(checks.map((check) => check.id));
        for (const finding of findings) for (const id of finding.checks) expect(known.has(id)).toBe(true);
        expect(new Set(findings.map((finding) => finding.id)).size).toBe(findings.length);
        const explained = new Set(findings.flatMap((finding) => finding.checks));
        for (const check of checks) if (check.status === 'fail') expect(explained.has(check.id), `${check.id} ${check.reason}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same findings in the same order for the same input', () => {
    fc.assert(
      fc.property(runs, (checks) => {
        expect(diagnose(structuredClone(checks))).toEqual(diagnose(checks));
      }),
      { numRuns: 200 },
    );
  });
});
