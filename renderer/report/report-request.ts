import type { CopyReportRequest, ReportRequest } from '../../app/ipc/contract';
import { normalizeErrorCode } from '../../app/report/error-code';
import type { RunState } from '../store/run-slice';
import type { ReportChoices } from './report-slice';

/** The run a report can be made of: the last one that finished (cancelled ones too: what ran is worth reporting). */
export function reportableRunId(run: RunState): string | undefined {
  return (run.phase === 'finished' || run.phase === 'cancelled') && run.findings !== undefined ? run.runId : undefined;
}

/** The error code as typed: empty, a code, or something that is not one (then it is not sent). */
export function errorCodeOf(typed: string): { kind: 'none' } | { kind: 'code'; code: string } | { kind: 'invalid' } {
  if (typed.trim() === '') return { kind: 'none' };
  const code = normalizeErrorCode(typed);
  return code === undefined ? { kind: 'invalid' } : { kind: 'code', code };
}

export function copyRequestOf(runId: string, choices: ReportChoices): CopyReportRequest {
  const errorCode = errorCodeOf(choices.errorCode);
  return { runId, includePersonal: choices.includePersonal, ...(errorCode.kind === 'code' ? { errorCode: errorCode.code } : {}) };
}

export function reportRequestOf(runId: string, choices: ReportChoices): ReportRequest {
  return { ...copyRequestOf(runId, choices), format: choices.format };
}

/** One string per distinct request: a preview answer for another key is stale. */
export function previewKey(request: ReportRequest): string {
  return JSON.stringify([request.runId, request.format, request.includePersonal, request.errorCode ?? '']);
}
