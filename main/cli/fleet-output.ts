// One line for fleet tools. Jamf Pro stores what stands between <result> tags; Intune reads the
// last line of stdout (at most 2,048 characters), treats stderr as a script error and exit 1 as
// "issue found". Both lines name finding ids, catalog hosts and ports only: never personal data.
import type { Report } from '../../app/contract/check';
import type { Finding } from '../../app/diagnosis/finding';

export type FleetFormat = 'jamf-ea' | 'intune';

const INTUNE_MAX = 2048;

type FleetInput = { report: Report } | { problem: string };

export function fleetLine(format: FleetFormat, input: FleetInput): string {
  if ('problem' in input) {
    // The message may name a file path (a user's folder): fleet output says only that it could not run.
    return format === 'jamf-ea' ? '<result>ERROR could not run the check</result>' : 'ERROR: Sync Doctor could not run the check (exit 2).';
  }
  const problems = (input.report.findings ?? []).filter((finding) => finding.severity !== 'info');
  if (format === 'jamf-ea') {
    const first = problems[0];
    return `<result>${first ? [first.id, first.subject.hosts?.[0] ?? first.subject.ports?.[0]].filter((part) => part !== undefined).join(' ') : 'OK'}</result>`;
  }
  return intuneLine(input.report, problems);
}

export function fleetExitCode(format: FleetFormat, report: Report): number {
  if (format === 'jamf-ea') return 0;
  return (report.findings ?? []).some((finding) => finding.severity === 'fail') ? 1 : 0;
}

function intuneLine(report: Report, problems: readonly Finding[]): string {
  const { ok, warn, fail, skipped } = report.summary;
  const counts = `${ok} ok, ${warn} warn, ${fail} fail, ${skipped} skipped; catalog ${report.catalog.version}${report.cancelled ? '; cancelled' : ''}`;
  if (problems.length === 0) return `OK: no problem found (${counts})`;
  const parts = problems.map((finding) => {
    const about = finding.subject.hosts?.length ? finding.subject.hosts : (finding.subject.ports ?? []).map(String);
    return `${finding.severity.toUpperCase()} ${finding.id}${about.length > 0 ? ` (${about.join(',')})` : ''}`;
  });
  const head = problems.some((finding) => finding.severity === 'fail') ? 'PROBLEM' : 'WARNING';
  return fitTo(`${head}: ${parts.join('; ')} [${counts}]`, INTUNE_MAX);
}

function fitTo(line: string, max: number): string {
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
