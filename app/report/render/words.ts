// The words every format shares, so HTML, PDF, Markdown and the app's preview say the same thing.

import { assertNever, type CheckResult, type CheckStatus, type Summary, type Timings } from '../../contract/check';
import type { Confidence, FindingSeverity } from '../../diagnosis/finding';
import type { FixOutcome } from '../fix-attempt';
import type { SupportReport } from '../support-report';

export const REPORT_TITLE = 'Sync Doctor support report';

export function statusWord(status: CheckStatus): string {
  switch (status) {
    case 'ok':
      return 'OK';
    case 'warn':
      return 'Warning';
    case 'fail':
      return 'Problem';
    case 'skipped':
      return 'Skipped';
    default:
      return assertNever(status, 'status');
  }
}

export function severityWord(severity: FindingSeverity): string {
  switch (severity) {
    case 'fail':
      return 'Problem';
    case 'warn':
      return 'Warning';
    case 'info':
      return 'Note';
    default:
      return assertNever(severity, 'severity');
  }
}

export function confidenceWords(confidence: Confidence): string {
  return `${confidence} confidence`;
}

export function outcomeWords(outcome: FixOutcome): string {
  switch (outcome) {
    case 'fixed':
      return 'Fixed';
    case 'still-failing':
      return 'Ran, still failing';
    case 'failed':
      return 'Could not be applied';
    case 'cancelled':
      return 'Cancelled';
    case 'needs-admin':
      return 'Needs administrator rights';
    default:
      return assertNever(outcome, 'fix outcome');
  }
}

/** "2026-12-02 09:53:47 UTC": UTC, so the report does not give away where the person is. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

const LAYER_NAMES: readonly [keyof Timings, string][] = [
  ['dnsMs', 'DNS'],
  ['tcpMs', 'TCP'],
  ['tlsMs', 'TLS'],
  ['httpMs', 'HTTP'],
  ['ntpMs', 'NTP'],
];

/** "DNS 40 · TCP 3 · TLS 60 · HTTP 41 ms", or "" when nothing was timed. */
export function timingsText(timings: Timings): string {
  const parts = LAYER_NAMES.filter(([key]) => typeof timings[key] === 'number').map(
    ([key, name]) => `${name} ${Math.round(timings[key] ?? 0)}`,
  );
  return parts.length > 0 ? `${parts.join(' · ')} ms` : '';
}

export function issuerOf(check: CheckResult): string {
  return check.kind === 'server' ? (check.tls?.issuer ?? '') : '';
}

/** "courier.push.apple.com:5223" when the title does not already say which host a check looked at. */
export function checkTarget(check: CheckResult): string {
  const host = check.host ?? '';
  if (host === '' || check.title.includes(host)) return '';
  return check.port !== undefined ? `${host}:${check.port}${check.protocol === 'udp' ? ' (UDP)' : ''}` : host;
}

export function summaryWords(summary: Summary): string {
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    plural(summary.fail, 'problem', 'problems'),
    plural(summary.warn, 'warning', 'warnings'),
    `${summary.ok} working`,
    `${summary.skipped} skipped`,
  ].join(', ');
}

export function privacyWords(report: SupportReport): string {
  return report.redacted
    ? 'Personal details are hidden: names of the user, computer and devices, serial numbers, e-mail, MAC and local network addresses, Wi-Fi names. Proxy passwords are never included.'
    : 'Personal details are included at the request of the person who made this report. Proxy passwords are never included.';
}

/** What the report says when the diagnosis named no cause. */
export function noFindingWords(report: SupportReport): string {
  if (report.cancelled)
    return 'The check was cancelled before it finished, so no cause can be named. The checks that ran are listed below.';
  if (report.summary.fail + report.summary.warn > 0) return 'No single cause was named. The checks that did not pass are listed below.';
  return 'No problem was found: every check passed.';
}

/** The key facts of the summary, in the order a support person reads them. */
export function summaryFacts(report: SupportReport): [string, string][] {
  const { system } = report;
  const facts: [string, string][] = [
    ['Sync Doctor', system.syncDoctorVersion],
    ['System', `${system.os} (${system.osVersion}), ${system.arch}`],
  ];
  if (system.appleSoftware) facts.push(['Apple software', system.appleSoftware]);
  facts.push(['Catalog', `${report.catalog.version} (updated ${report.catalog.updated}; ${report.catalog.source})`]);
  facts.push([
    'Checked',
    `${formatWhen(report.startedAt)}, took ${formatDuration(report.durationMs)}${report.cancelled ? ' (cancelled)' : ''}`,
  ]);
  if (report.errorCode) facts.push(['Error code', report.errorCode]);
  facts.push(['Result', summaryWords(report.summary)]);
  if (system.computerName) facts.push(['Computer', system.computerName]);
  if (system.userName) facts.push(['User', system.userName]);
  return facts;
}

/** Checks that did not pass, problems first, for a report whose diagnosis named nothing. */
export function checksNotPassed(report: SupportReport): CheckResult[] {
  return [...report.checks.filter((check) => check.status === 'fail'), ...report.checks.filter((check) => check.status === 'warn')];
}
