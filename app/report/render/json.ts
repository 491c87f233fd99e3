import type { SafeReport } from '../redact/redact-report';
import type { SupportReport } from '../support-report';

/**
 * The `sync-doctor/report@1` document with `findings`, `fixes`, `system` and `redacted` added:
 * a script that reads `check --json` output reads this too. Keys in a fixed order.
 */
export function renderJson(report: SafeReport): string {
  const ordered: SupportReport = {
    schema: report.schema,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    cancelled: report.cancelled,
    catalog: report.catalog,
    platform: report.platform,
    summary: report.summary,
    checks: report.checks,
    findings: report.findings,
    fixes: report.fixes,
    system: report.system,
    ...(report.errorCode !== undefined ? { errorCode: report.errorCode } : {}),
    redacted: report.redacted,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
