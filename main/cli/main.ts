import { USAGE, type ParsedArgs } from './args';
import { runCheck, type CliIo } from './check-command';

export type { CliIo } from './check-command';

declare const __SYNC_DOCTOR_VERSION__: string;

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
    case 'explain':
      // Loaded only for their own command: a check does not pay for evaluating the fix and report code.
      return (await import('./explain-command')).runExplain(args, io);
    case 'fix':
      return (await import('./fix')).runFixCommand(args, io);
    case 'report':
    case 'report-help':
      return (await import('./report-command')).runReportCommand(args, io);
    case 'check':
      return runCheck(args, io);
  }
}
