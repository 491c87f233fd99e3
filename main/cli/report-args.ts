import { ERROR_CODE_HINT, normalizeErrorCode } from '../../app/report/error-code';
import type { TextReportFormat } from '../../app/report/support-report';
import type { CheckCommand, ParsedArgs } from './args';

// `sync-doctor report`: its own options here; the check options it shares with `check` are
// handed to the check parser, so both commands read them the same way.

export interface ReportCommand {
  command: 'report';
  format: TextReportFormat;
  outFile?: string;
  /** A saved `check --json` to report on instead of running a check. */
  fromFile?: string;
  includePersonal: boolean;
  errorCode?: string;
  /** The check to run (ignored with --from). */
  check: CheckCommand;
}

export type ReportArgs = ReportCommand | { command: 'report-help' };

export const REPORT_USAGE = `Usage: sync-doctor report [options] [check options]

Runs the check (or reads a saved one) and writes a support report: the findings, every check, the
fixes tried. Names of the user, computer and devices, serial numbers, e-mail, MAC and local network
addresses and Wi-Fi names are hidden unless --include-personal is given; proxy passwords always are.

Options:
  --format md|html|json  what to write (default: from the --out file's extension, else md)
  --out FILE             write the report to FILE instead of standard output
  --from FILE            report on a saved check (sync-doctor check --json > FILE) instead of running one
  --error CODE           the error code iTunes, Finder or Apple Devices showed (3194, -54, 0xE8000015)
  --include-personal     include the computer and user names and the other personal details
  -h, --help             show this help

Check options (see sync-doctor --help): --timeout-ms, --concurrency, --catalog, --expect-issuer,
--only, --hosts-file.

Exit status: as for check (0 nothing failed, 1 a check failed, 2 bad usage or a file that cannot be
read or written, 130 cancelled: the partial report is still written).`;

const VALUE_OPTIONS = ['--format', '--out', '--from', '--error'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

const FORMAT_WORDS: Record<string, TextReportFormat> = { md: 'md', markdown: 'md', html: 'html', htm: 'html', json: 'json' };
const PDF_MESSAGE = 'PDF is made by the desktop app (Save report…). Here, use --format html and print the file from a browser.';

/** True when the command line asks for a report (`sync-doctor report ...`). */
export function isReportCommand(argv: readonly string[]): boolean {
  return argv[0] === 'report';
}

/** The check a command runs, for sizing the resolver and sending early lookups: none for `report --from`. */
export function checkToRun(args: ParsedArgs): CheckCommand | undefined {
  if (args.command === 'check') return args;
  return args.command === 'report' && args.fromFile === undefined ? args.check : undefined;
}

/** Parses what follows `report`; `parseCheck` is the `check` command's own parser. */
export function parseReportArgs(argv: readonly string[], parseCheck: (argv: readonly string[]) => ParsedArgs): ParsedArgs {
  const values: Partial<Record<ValueOption, string>> = {};
  let includePersonal = false;
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--') {
      rest.push(...argv.slice(index));
      break;
    }
    if (arg === '-h' || arg === '--help') return { command: 'report-help' };
    if (arg === '--include-personal') {
      includePersonal = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = (equals > 0 ? arg.slice(0, equals) : arg) as ValueOption;
    if (!VALUE_OPTIONS.includes(name)) {
      rest.push(arg);
      continue;
    }
    const value = equals > 0 ? arg.slice(equals + 1) : argv[index + 1];
    if (value === undefined || value === '' || (equals < 0 && value.startsWith('--'))) return usage(`${name} needs a value.`);
    if (values[name] !== undefined) return usage(`${name} is given twice.`);
    values[name] = value;
    if (equals < 0) index += 1;
  }

  if (rest.includes('--json')) return usage('report writes one format: use --format json.');
  const fromFile = values['--from'];
  if (fromFile !== undefined) {
    const checkOption = rest.find((arg) => arg.startsWith('-'));
    if (checkOption !== undefined)
      return usage(`--from reports on a saved check, so check options such as ${checkOption.split('=')[0]} do not apply.`);
  }
  const check = parseCheck(['check', ...rest]);
  if (check.command !== 'check') return check.command === 'usage-error' ? check : usage(`Unexpected argument "${rest[0] ?? ''}".`);

  const format = formatOf(values['--format'], values['--out']);
  if (typeof format !== 'string') return format;

  let errorCode: string | undefined;
  if (values['--error'] !== undefined) {
    errorCode = normalizeErrorCode(values['--error']);
    if (errorCode === undefined) return usage(`--error takes ${ERROR_CODE_HINT}, not "${values['--error']}".`);
  }
  return {
    command: 'report',
    format,
    includePersonal,
    check,
    ...(values['--out'] !== undefined ? { outFile: values['--out'] } : {}),
    ...(fromFile !== undefined ? { fromFile } : {}),
    ...(errorCode !== undefined ? { errorCode } : {}),
  };
}

function formatOf(given: string | undefined, outFile: string | undefined): TextReportFormat | ParsedArgs {
  if (given !== undefined) {
    const word = given.toLowerCase();
    if (word === 'pdf') return usage(PDF_MESSAGE);
    return FORMAT_WORDS[word] ?? usage(`--format takes md, html or json, not "${given}".`);
  }
  const extension = outFile?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (extension === 'pdf') return usage(PDF_MESSAGE);
  return (extension !== undefined ? FORMAT_WORDS[extension] : undefined) ?? 'md';
}

function usage(message: string): ParsedArgs {
  return { command: 'usage-error', message };
}
