import { parseArgs } from 'node:util';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from './defaults';
import { isReportCommand, parseReportArgs, type ReportArgs } from './report-args';

export interface CheckCommand {
  command: 'check';
  json: boolean;
  timeoutMs: number;
  concurrency: number;
  catalogFile?: string;
  expectIssuers: string[];
  only: ('network' | 'system')[];
  hostsFile?: string;
}

export type ParsedArgs =
  CheckCommand | ReportArgs | { command: 'help' } | { command: 'version' } | { command: 'usage-error'; message: string };

export { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from './defaults';

export const USAGE = `Usage: sync-doctor check [options]
       sync-doctor report [options]   (a support report: sync-doctor report --help)

Checks whether this computer can reach the Apple servers and ports that iPhone, iPad and iPod
sync, update and restore need, and explains what is in the way.

Options:
  --json                 print one JSON report on stdout instead of a table
  --timeout-ms N         deadline for each check in milliseconds (default ${DEFAULT_TIMEOUT_MS})
  --concurrency N        how many checks run at once (default ${DEFAULT_CONCURRENCY})
  --catalog FILE         use this catalog of servers and ports instead of the built-in one
  --expect-issuer NAME   also accept certificates from this issuer (repeatable)
  --only GROUP           run only "network" or "system" checks (repeatable)
  --hosts-file FILE      check this hosts file instead of the system's
  -h, --help             show this help
  -v, --version          show the version

Exit status: 0 nothing failed, 1 a check failed, 2 bad usage or an internal error.`;

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  if (isReportCommand(argv)) return parseReportArgs(argv.slice(1), parseCliArgs);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        'timeout-ms': { type: 'string' },
        concurrency: { type: 'string' },
        catalog: { type: 'string' },
        'expect-issuer': { type: 'string', multiple: true },
        only: { type: 'string', multiple: true },
        'hosts-file': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    return { command: 'usage-error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...extra] = positionals;
  if (command !== 'check') {
    return {
      command: 'usage-error',
      message: command ? `Unknown command "${command}". The command is "check".` : 'Missing the command: sync-doctor check',
    };
  }
  if (extra.length > 0) return { command: 'usage-error', message: `Unexpected argument "${extra[0]}".` };

  const timeoutMs = positiveInt(values['timeout-ms'], DEFAULT_TIMEOUT_MS, '--timeout-ms', 100, 120_000);
  if (typeof timeoutMs === 'string') return { command: 'usage-error', message: timeoutMs };
  const concurrency = positiveInt(values.concurrency, DEFAULT_CONCURRENCY, '--concurrency', 1, 256);
  if (typeof concurrency === 'string') return { command: 'usage-error', message: concurrency };

  const only = values.only ?? ['network', 'system'];
  for (const group of only) {
    if (group !== 'network' && group !== 'system') {
      return { command: 'usage-error', message: `--only takes "network" or "system", not "${group}".` };
    }
  }
  const issuers = (values['expect-issuer'] ?? []).map((name) => name.trim());
  if (issuers.some((name) => name === '')) return { command: 'usage-error', message: '--expect-issuer needs a non-empty name.' };

  return {
    command: 'check',
    json: values.json ?? false,
    timeoutMs,
    concurrency,
    expectIssuers: issuers,
    only: [...new Set(only)] as ('network' | 'system')[],
    ...(values.catalog !== undefined ? { catalogFile: values.catalog } : {}),
    ...(values['hosts-file'] !== undefined ? { hostsFile: values['hosts-file'] } : {}),
  };
}

function positiveInt(raw: string | undefined, fallback: number, flag: string, min: number, max: number): number | string {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) return `${flag} takes a whole number, not "${raw}".`;
  const value = Number(raw);
  if (value < min || value > max) return `${flag} must be between ${min} and ${max}.`;
  return value;
}
