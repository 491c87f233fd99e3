import type { Report } from '../contract/check';
import { appleSoftwareOf } from './edition';
import type { FixAttempt } from './fix-attempt';
import { osName } from './os-name';
import type { SupportReport } from './support-report';

export interface SupportReportInput {
  /** The run, as the engine (or a saved `check --json`) gives it. */
  report: Report;
  syncDoctorVersion: string;
  fixes?: readonly FixAttempt[];
  errorCode?: string;
  /** This computer's and user's names; redactReport drops them unless personal details are included. */
  identity?: { computerName?: string; userName?: string };
}

/**
 * The support report before redaction: the run with its findings, the fixes tried and the system.
 * Nothing is rendered from this directly: every format takes what redactReport returns.
 */
export function buildSupportReport(input: SupportReportInput): SupportReport {
  const { report } = input;
  const appleSoftware = appleSoftwareOf(report.checks);
  return {
    schema: report.schema,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    cancelled: report.cancelled,
    catalog: { ...report.catalog },
    platform: { ...report.platform },
    summary: { ...report.summary },
    checks: report.checks,
    findings: report.findings ?? [],
    fixes: [...(input.fixes ?? [])],
    system: {
      syncDoctorVersion: input.syncDoctorVersion,
      os: osName(report.platform.os, report.platform.release),
      osVersion: report.platform.release,
      arch: report.platform.arch,
      ...(appleSoftware !== undefined ? { appleSoftware } : {}),
      ...(input.identity?.computerName ? { computerName: input.identity.computerName } : {}),
      ...(input.identity?.userName ? { userName: input.identity.userName } : {}),
    },
    ...(input.errorCode !== undefined ? { errorCode: input.errorCode } : {}),
    redacted: false,
  };
}
