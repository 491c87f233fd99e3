import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../catalog/builtin';
import { summarize, type CheckResult, type Report } from '../../contract/check';
import { buildSupportReport } from '../build';
import { renderReportText } from '../render/render';
import { TEXT_FORMATS_FOR_TESTS } from '../test-formats';
import { plantedReport, server } from '../test-fixtures';
import { redactReport } from './redact-report';
import { isGenericName, noPersonalValues } from './personal-values';

/** A run whose every free-text field carries the user's and the computer's names. */
function reportNaming(user: string, computer: string): Report {
  const base = plantedReport();
  const hosts = builtinCatalog()
    .servers.map((entry) => entry.host ?? entry.pattern)
    .filter((host) => !host.includes('*'));
  const checks: CheckResult[] = [
    ...hosts.slice(0, 12).map((host) => server(host, 443, { detail: `Reachable from ${computer}: ${host} answered (asked by ${user}).` })),
    {
      id: 'hosts:file',
      kind: 'hosts',
      group: 'system',
      title: 'Hosts file',
      status: 'warn',
      reason: 'hosts-malformed',
      detail: `The hosts file /Users/${user}/hosts was read, but line 2 "127.0.0.1 ${computer} ${computer}.local" is odd. USER=${user} COMPUTERNAME=${computer}`,
      timings: {},
      facts: { file: `C:\\Users\\${user}\\hosts`, owner: user, computerName: computer },
    },
  ];
  return { ...base, checks, summary: summarize(checks), catalog: { ...base.catalog, source: `/home/${user}/catalog.json` }, findings: [] };
}

function outputs(report: Report, user: string, computer: string, withSystemValues: boolean): string[] {
  const personal = withSystemValues
    ? { ...noPersonalValues(), userNames: [user], homeDirs: [`/home/${user}`], computerNames: [computer] }
    : noPersonalValues();
  const draft = buildSupportReport({ report, syncDoctorVersion: '0.1.0', identity: { computerName: computer, userName: user } });
  const { report: safe } = redactReport(draft, { personal, includePersonal: false });
  return TEXT_FORMATS_FOR_TESTS.map((format) => renderReportText(safe, format));
}

const BASELINE = outputs(reportNaming('qqqqqq', 'zzzzzz'), 'qqqqqq', 'zzzzzz', true).join('\n').toLowerCase();
/** Words the report itself is made of: a "name" that is one of them cannot be told from the report's own text. */
const isReportWord = (name: string) =>
  BASELINE.includes(name.toLowerCase()) || /user|computer|serial|device|email|wifi|mac|private|link|local|credentials|ip/i.test(name);

const userName = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9._-]{2,15}$/)
  .filter((name) => !isGenericName(name) && !isReportWord(name) && !/[._-]$/.test(name));
const computerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{2,14}[A-Za-z0-9]$/).filter((name) => !isReportWord(name));

describe('redaction, for any user and computer name', () => {
  it('never lets a user or computer name through, whether the system named them or the report gave them away', () => {
    fc.assert(
      fc.property(userName, computerName, fc.boolean(), (user, computer, withSystemValues) => {
        for (const text of outputs(reportNaming(user, computer), user, computer, withSystemValues)) {
          const lower = text.toLowerCase();
          expect(lower.includes(user.toLowerCase()), `user ${user}`).toBe(false);
          expect(lower.includes(computer.toLowerCase()), `computer ${computer}`).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('always keeps the catalog hosts, even when a name is part of one', () => {
    const labels = [
      ...new Set(
        builtinCatalog()
          .servers.flatMap((entry) => (entry.host ?? entry.pattern).split('.'))
          .filter((label) => label.length >= 3 && label !== '*'),
      ),
    ];
    const adversarial = fc.oneof(fc.constantFrom(...labels), userName);
    fc.assert(
      fc.property(adversarial, adversarial, (user, computer) => {
        const report = reportNaming(user, computer);
        for (const text of outputs(report, user, computer, true)) {
          for (const check of report.checks) if (check.kind === 'server') expect(text).toContain(check.host);
        }
      }),
      { numRuns: 150 },
    );
  });
});
