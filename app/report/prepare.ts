import type { Report } from '../contract/check';
import type { Catalog } from '../catalog/schema';
import { buildSupportReport } from './build';
import type { FixAttempt } from './fix-attempt';
import type { PersonalValues } from './redact/personal-values';
import { redactReport, type RedactionResult } from './redact/redact-report';

export interface PrepareReportInput {
  report: Report;
  syncDoctorVersion: string;
  fixes?: readonly FixAttempt[];
  errorCode?: string;
  includePersonal: boolean;
  /** What the main process gathered from this computer. */
  personal: PersonalValues;
  /** This computer's and user's names, shown only when personal details are included. */
  identity?: { computerName?: string; userName?: string };
  catalog?: Catalog;
}

/** The one way to a report that can be rendered: build the model, then redact it. The CLI and the app both call this. */
export function prepareReport(input: PrepareReportInput): RedactionResult {
  const draft = buildSupportReport({
    report: input.report,
    syncDoctorVersion: input.syncDoctorVersion,
    ...(input.fixes ? { fixes: input.fixes } : {}),
    ...(input.errorCode !== undefined ? { errorCode: input.errorCode } : {}),
    ...(input.identity ? { identity: input.identity } : {}),
  });
  return redactReport(draft, {
    personal: input.personal,
    includePersonal: input.includePersonal,
    ...(input.catalog ? { catalog: input.catalog } : {}),
  });
}
