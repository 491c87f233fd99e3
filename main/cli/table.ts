import type { CheckResult, Report } from '../../app/contract/check';
import { timingsTotalMs } from '../../app/format/timings';

const MARK: Record<CheckResult['status'], string> = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL', skipped: 'skip' };

/** The plain-text report: one line per check, grouped by kind, details wrapped underneath. */
export function renderTable(report: Report, width = 100): string {
  const lines: string[] = [];
  const titleWidth = Math.min(44, Math.max(12, ...report.checks.map((c) => c.title.length)));
  let lastKind = '';
  for (const check of report.checks) {
    if (check.kind !== lastKind) {
      if (lastKind) lines.push('');
      lines.push(HEADINGS[check.kind] ?? check.kind);
      lastKind = check.kind;
    }
    const ms = totalMs(check);
    lines.push(
      `  ${MARK[check.status]}  ${check.title.padEnd(titleWidth)}  ${check.reason.padEnd(20)} ${ms === undefined ? '' : `${ms} ms`}`.trimEnd(),
    );
    // A device row's detail names the devices seen: worth a line even when all is well.
    if (check.status !== 'ok' || check.kind === 'device') {
      for (const line of wrap(check.detail, Math.max(40, width - 10))) lines.push(`        ${line}`);
    }
  }
  const { ok, warn, fail, skipped } = report.summary;
  lines.push('');
  lines.push(
    `${ok} ok, ${warn} warnings, ${fail} failed, ${skipped} skipped in ${(report.durationMs / 1000).toFixed(1)} s${report.cancelled ? ' (cancelled)' : ''}. Catalog ${report.catalog.version} (${report.catalog.source}).`,
  );
  return lines.join('\n');
}

const HEADINGS: Partial<Record<CheckResult['kind'], string>> = {
  server: 'Apple servers',
  port: 'Other ports (outgoing)',
  ntp: 'Time',
  process: 'Helper processes',
  service: 'Services',
  listener: 'Local ports',
  hosts: 'Hosts file',
  proxy: 'Proxy',
  firewall: 'Firewall and security software',
  clock: 'Clock',
  device: 'iPhone, iPad and iPod',
};

function totalMs(check: CheckResult): number | undefined {
  const total = timingsTotalMs(check.timings);
  return total === undefined ? undefined : Math.round(total);
}

export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
