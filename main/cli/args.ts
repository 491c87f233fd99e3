import { parseArgs } from 'node:util';
import { parseErrorCode } from '../../app/catalog/error-codes';
import type { CheckSelection } from '../engine/engine';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from '../platform/defaults';
import { FIX_EXIT, FIX_HELP, FIX_SYNOPSIS, fixCommandFrom, type FixCommand } from './fix-args';

const SELECTIONS: readonly CheckSelection[] = ['network', 'system', 'device'];

/** How `check` prints: the table, one JSON document, or one line for a fleet tool. */
export const OUTPUT_FORMATS = ['table', 'json', 'jamf-ea', 'intune'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
import { isReportCommand, parseReportArgs, type ReportArgs } from './report-args';

export interface CheckCommand {
  command: 'check';
  format: OutputFormat;
  /** --error CODE: the error code the person saw, normalised ("3194", "0xE8000015"). */
  errorCode?: string;
  timeoutMs: number;
  concurrency: number;
  catalogFile?: string;
  expectIssuers: string[];
  only: CheckSelection[];
  hostsFile?: string;
}

export interface ExplainCommand {
  command: 'explain';
  /** Normalised ("0xE8000015"), or as typed when it is not a code (then runCli says so, exit 2). */
  code: string;
  json: boolean;
}

export type ParsedArgs =
  | CheckCommand
  | ExplainCommand
  | FixCommand
  | ReportArgs
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'usage-error'; message: string };

export { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from '../platform/defaults';

export const USAGE = `Usage: sync-doctor check [options]
       sync-doctor explain CODE [--json]
${FIX_SYNOPSIS}
       sync-doctor report [options]   (a support report: sync-doctor report --help)

check: checks whether this computer can reach the Apple servers and ports that iPhone, iPad and
iPod sync, update and restore need, and explains what is in the way.
explain: says what an update, restore or sync error code means and which checks decide its cause.
${FIX_HELP}

Options:
  --json                 print one JSON report on stdout instead of a table
  --error CODE           the error code you saw (e.g. 3194): the check says which cause it was
  --format FORMAT        table (default), json, jamf-ea (one <result> line) or intune (one summary line)
  --timeout-ms N         deadline for each check in milliseconds (default ${DEFAULT_TIMEOUT_MS})
  --concurrency N        how many checks run at once (default ${DEFAULT_CONCURRENCY})
  --catalog FILE         use this catalog of servers and ports instead of the built-in one
  --expect-issuer NAME   also accept certificates from this issuer: its exact organisation
                         or common name, letter case aside (repeatable)
  --only GROUP           run only "network", "system" or "device" checks (repeatable;
                         "device" is the part of "system" that asks about the iPhone, iPad or iPod)
  --hosts-file FILE      check this hosts file instead of the system's
  -h, --help             show this help
  -v, --version          show the version

Exit status: 0 nothing failed, 1 a check failed, 2 bad usage or an internal error, 130 cancelled.
With --format jamf-ea always 0; with --format intune 1 when a problem was found, else 0.
explain: 0 a known code, 1 a code Sync Doctor does not know, 2 not an error code.
${FIX_EXIT}`;

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  if (isReportCommand(argv)) return parseReportArgs(argv.slice(1), parseCliArgs);
  let parsed;
  try {
    parsed = parseArgs({
      args: negativeCodesAsValues(argv),
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
        error: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        yes: { type: 'boolean' },
        undo: { type: 'boolean' },
        list: { type: 'boolean' },
      },
    });
  } catch (error) {
    return { command: 'usage-error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...extra] = positionals;
  if (command === 'explain') {
    const stray = Object.keys(values).find(
      (name) => name !== 'json' && name !== 'help' && name !== 'version' && values[name as keyof typeof values] !== undefined,
    );
    if (stray) return { command: 'usage-error', message: `explain takes only --json, not --${stray}.` };
    return explainArgs(extra, values.json ?? false);
  }
  if (command !== 'check' && command !== 'fix') {
    return {
      command: 'usage-error',
      message: command
        ? `Unknown command "${command}". The commands are "check", "explain" and "fix".`
        : 'Missing the command: sync-doctor check',
    };
  }
  if (command === 'check' && extra.length > 0) return { command: 'usage-error', message: `Unexpected argument "${extra[0]}".` };
  if (command === 'check' && (values.yes || values.undo || values.list)) {
    return { command: 'usage-error', message: '--yes, --undo and --list belong to "sync-doctor fix".' };
  }
  const format = outputFormat(values.format, values.json ?? false);
  if (!format.ok) return { command: 'usage-error', message: format.message };
  let errorCode: string | undefined;
  if (values.error !== undefined) {
    const parsed = parseErrorCode(values.error);
    if (!parsed.ok) return { command: 'usage-error', message: notACode(values.error) };
    errorCode = parsed.code;
  }

  const timeoutMs = positiveInt(values['timeout-ms'], DEFAULT_TIMEOUT_MS, '--timeout-ms', 100, 120_000);
  if (typeof timeoutMs === 'string') return { command: 'usage-error', message: timeoutMs };
  const concurrency = positiveInt(values.concurrency, DEFAULT_CONCURRENCY, '--concurrency', 1, 256);
  if (typeof concurrency === 'string') return { command: 'usage-error', message: concurrency };

  const only = values.only ?? ['network', 'system'];
  for (const group of only) {
    if (!isSelection(group)) return { command: 'usage-error', message: `--only takes "network", "system" or "device", not "${group}".` };
  }
  const issuers = (values['expect-issuer'] ?? []).map((name) => name.trim());
  if (issuers.some((name) => name === '')) return { command: 'usage-error', message: '--expect-issuer needs a non-empty name.' };

  const check: CheckCommand = {
    command: 'check',
    format: format.format,
    ...(errorCode !== undefined ? { errorCode } : {}),
    timeoutMs,
    concurrency,
    expectIssuers: issuers,
    only: [...new Set(only.filter(isSelection))],
    ...(values.catalog !== undefined ? { catalogFile: values.catalog } : {}),
    ...(values['hosts-file'] !== undefined ? { hostsFile: values['hosts-file'] } : {}),
  };
  return command === 'fix' ? fixCommandFrom(check, values, extra) : check;
}

function isSelection(value: string): value is CheckSelection {
  return (SELECTIONS as readonly string[]).includes(value);
}

function positiveInt(raw: string | undefined, fallback: number, flag: string, min: number, max: number): number | string {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) return `${flag} takes a whole number, not "${raw}".`;
  const value = Number(raw);
  if (value < min || value > max) return `${flag} must be between ${min} and ${max}.`;
  return value;
}

/**
 * Error codes can be negative ("-54"), which parseArgs would read as options: after `explain` they
 * become positionals (behind "--"), and after `--error` the option's value ("--error=-54").
 */
function negativeCodesAsValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  const codes: string[] = [];
  const explaining = argv.includes('explain');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--error' && /^-\d+$/.test(argv[i + 1] ?? '')) {
      out.push(`--error=${argv[++i]}`);
    } else if (explaining && /^-\d+$/.test(arg)) {
      codes.push(arg);
    } else {
      out.push(arg);
    }
  }
  return codes.length > 0 ? [...out, '--', ...codes] : out;
}

function explainArgs(extra: readonly string[], json: boolean): ParsedArgs {
  if (extra.length === 0) return { command: 'usage-error', message: 'explain needs an error code, e.g. sync-doctor explain 3194' };
  if (extra.length > 1) return { command: 'usage-error', message: `explain takes one error code, not "${extra.join(' ')}".` };
  const raw = extra[0]!;
  const parsed = parseErrorCode(raw);
  return { command: 'explain', code: parsed.ok ? parsed.code : raw, json };
}

export function notACode(raw: string): string {
  return `"${raw.slice(0, 40)}" is not an error code: give a number such as 3194 or -54, or a hex code such as 0xE8000015.`;
}

function outputFormat(raw: string | undefined, json: boolean): { ok: true; format: OutputFormat } | { ok: false; message: string } {
  if (raw === undefined) return { ok: true, format: json ? 'json' : 'table' };
  const format = OUTPUT_FORMATS.find((name) => name === raw);
  if (!format) return { ok: false, message: `--format takes ${OUTPUT_FORMATS.join(', ')}, not "${raw}".` };
  if (json && format !== 'json') return { ok: false, message: `--json and --format ${format} say different things: give one.` };
  return { ok: true, format };
}
