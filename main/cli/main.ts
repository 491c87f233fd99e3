import type { Report } from '../../app/contract/check';
import { loadCatalog } from '../engine/catalog-file';
import { runEngine } from '../engine/engine';
import type { DnsCache } from '../runner/dns-cache';
import { USAGE, type ParsedArgs } from './args';
import { progressLine } from './progress';
import { runReportCommand } from './report-command';
import { renderTable } from './table';

declare const __SYNC_DOCTOR_VERSION__: string;

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Aborts the run (Ctrl-C). */
  signal?: AbortSignal;
  /** DNS answers the entry asked for before this module was loaded (see early-lookups.ts). */
  lookups?: DnsCache;
}

/**
 * Runs the command line, parsed once at start-up (prepare-environment.ts: the thread pool and the
 * early lookups were sized from the same parse), and returns the exit code; never throws.
 */
export async function runCli(args: ParsedArgs, io: CliIo): Promise<number> {
  switch (args.command) {
    case 'help':
      io.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      io.stdout.write(`${typeof __SYNC_DOCTOR_VERSION__ === 'string' ? __SYNC_DOCTOR_VERSION__ : 'dev'}\n`);
      return 0;
    case 'usage-error':
      io.stderr.write(`sync-doctor: ${args.message}\n\n${USAGE}\n`);
      return 2;
    case 'report':
    case 'report-help':
      return runReportCommand(args, io);
    case 'check':
      break;
  }
  try {
    const catalog = await loadCatalog(args.catalogFile);
    if (!catalog.ok) {
      io.stderr.write(`sync-doctor: ${catalog.message}\n`);
      return 2;
    }
    const progress = args.json ? { onEvent: () => undefined, clear: () => undefined } : progressLine(io.stderr);
    const report: Report = await runEngine(
      {
        catalog: catalog.catalog,
        catalogSource: catalog.source,
        groups: args.only,
        timeoutMs: args.timeoutMs,
        concurrency: args.concurrency,
        extraIssuers: args.expectIssuers,
        ...(args.hostsFile !== undefined ? { hostsFile: args.hostsFile } : {}),
        ...(io.signal ? { signal: io.signal } : {}),
        ...(io.lookups ? { lookups: io.lookups } : {}),
      },
      (event) => progress.onEvent(event),
    );
    progress.clear();
    io.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderTable(report, io.stdout.columns ?? 100)}\n`);
    if (report.cancelled) return 130;
    return report.summary.fail > 0 ? 1 : 0;
  } catch (error) {
    io.stderr.write(`sync-doctor: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}
