import type { Report } from '../../app/contract/check';
import { judgeErrorCode } from '../../app/diagnosis/explain-code';
import { loadCatalog } from '../engine/catalog-file';
import { runEngine } from '../engine/engine';
import type { DnsCache } from '../runner/dns-cache';
import type { CheckCommand } from './args';
import { engineOptionsFor } from './engine-options';
import { renderFindings } from './findings-text';
import { fleetLine, fleetExitCode } from './fleet-output';
import { progressLine } from './progress';
import { renderTable, wrap } from './table';

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Aborts the run (Ctrl-C). */
  signal?: AbortSignal;
  /** DNS answers the entry asked for before this module was loaded (see early-lookups.ts). */
  lookups?: DnsCache;
}

/** `sync-doctor check`: runs every check, prints the table and what it found, or one fleet line. */
export async function runCheck(args: CheckCommand, io: CliIo): Promise<number> {
  const fleet = args.format === 'jamf-ea' || args.format === 'intune' ? args.format : undefined;
  // Fleet tools read stdout alone and treat anything on stderr as a script error: say everything there.
  const problem = (message: string): number => {
    if (!fleet) {
      io.stderr.write(`sync-doctor: ${message}\n`);
      return 2;
    }
    io.stdout.write(`${fleetLine(fleet, { problem: message })}\n`);
    return fleet === 'jamf-ea' ? 0 : 2;
  };
  try {
    const catalog = await loadCatalog(args.catalogFile);
    if (!catalog.ok) return problem(catalog.message);
    const progress = args.format === 'table' ? progressLine(io.stderr) : { onEvent: () => undefined, clear: () => undefined };
    const report: Report = await runEngine(engineOptionsFor(args, catalog, io), (event) => progress.onEvent(event));
    progress.clear();
    const findings = report.findings ?? [];
    const verdict = args.errorCode !== undefined ? judgeErrorCode(args.errorCode, report.checks, findings) : undefined;
    switch (args.format) {
      case 'jamf-ea':
      case 'intune':
        io.stdout.write(`${fleetLine(args.format, { report })}\n`);
        return fleetExitCode(args.format, report);
      case 'json': {
        const error = verdict
          ? { error: { code: verdict.code, title: verdict.title, causes: verdict.causes, conclusion: verdict.conclusion } }
          : {};
        io.stdout.write(`${JSON.stringify({ ...report, ...error }, null, 2)}\n`);
        break;
      }
      case 'table': {
        const width = io.stdout.columns ?? 100;
        const closing = verdict ? `\n\n${wrap(verdict.conclusion, Math.max(40, width - 2)).join('\n')}` : '';
        io.stdout.write(`${renderTable(report, width)}\n\n${renderFindings(findings, width)}${closing}\n`);
        break;
      }
    }
    if (report.cancelled) return 130;
    return report.summary.fail > 0 ? 1 : 0;
  } catch (error) {
    return problem(`internal error: ${(error as Error).stack ?? String(error)}`);
  }
}
