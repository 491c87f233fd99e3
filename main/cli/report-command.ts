import { writeFile } from 'node:fs/promises';
import { builtinCatalog } from '../../app/catalog/builtin';
import type { Report } from '../../app/contract/check';
import type { Catalog } from '../../app/catalog/schema';
import { prepareReport } from '../../app/report/prepare';
import { renderReportText } from '../../app/report/render/render';
import { REPORT_FORMAT_NAMES } from '../../app/report/support-report';
import { gatherPersonal, thisSystem, type GatheredPersonal } from '../report/gather-personal';
import { readSavedCheck } from '../report/saved-check';
import type { CliIo } from './main';
import { REPORT_USAGE, type ReportArgs } from './report-args';
import { runCheckFor } from './run-check';

declare const __SYNC_DOCTOR_VERSION__: string;

export interface ReportIo extends CliIo {
  /** What to hide on this computer; tests plant their own. */
  gatherPersonal?: (signal: AbortSignal) => Promise<GatheredPersonal>;
}

/** `sync-doctor report`: runs the check (or reads a saved one), then writes the report; never throws. */
export async function runReportCommand(args: ReportArgs, io: ReportIo): Promise<number> {
  if (args.command === 'report-help') {
    io.stdout.write(`${REPORT_USAGE}\n`);
    return 0;
  }
  try {
    let report: Report;
    let catalog: Catalog = builtinCatalog();
    if (args.fromFile !== undefined) {
      const saved = await readSavedCheck(args.fromFile);
      if (!saved.ok) return fail(io, saved.message);
      report = saved.report;
    } else {
      const run = await runCheckFor(args.check, io);
      if (!run.ok) return fail(io, run.message);
      report = run.report;
      catalog = run.catalog;
    }
    const signal = io.signal ?? new AbortController().signal;
    const personal = await (io.gatherPersonal ?? ((s: AbortSignal) => gatherPersonal(thisSystem(), s)))(signal);
    const { report: safe } = prepareReport({
      report,
      syncDoctorVersion: typeof __SYNC_DOCTOR_VERSION__ === 'string' ? __SYNC_DOCTOR_VERSION__ : 'dev',
      includePersonal: args.includePersonal,
      personal: personal.values,
      identity: personal.identity,
      catalog,
      ...(args.errorCode !== undefined ? { errorCode: args.errorCode } : {}),
    });
    const text = renderReportText(safe, args.format);
    if (args.outFile === undefined) {
      io.stdout.write(text);
    } else {
      try {
        await writeFile(args.outFile, text, 'utf8');
      } catch (error) {
        return fail(io, `Cannot write ${args.outFile}: ${(error as Error).message}`);
      }
      if (io.stderr.isTTY) {
        const privacy = args.includePersonal ? 'personal details included' : 'personal details hidden';
        io.stderr.write(`Wrote the ${REPORT_FORMAT_NAMES[args.format]} report to ${args.outFile} (${privacy}).\n`);
      }
    }
    if (report.cancelled) return 130;
    return report.summary.fail > 0 ? 1 : 0;
  } catch (error) {
    return fail(io, `internal error: ${(error as Error).stack ?? String(error)}`);
  }
}

function fail(io: CliIo, message: string): number {
  io.stderr.write(`sync-doctor: ${message}\n`);
  return 2;
}
