import { describe, expect, it } from 'vitest';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, parseCliArgs, type ParsedArgs } from './args';
import { checkToRun } from './report-args';

function usageError(argv: string[]): string {
  const parsed = parseCliArgs(argv);
  if (parsed.command !== 'usage-error')
    throw new Error(`expected a usage error for ${JSON.stringify(argv)}, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe('sync-doctor report', () => {
  it('writes Markdown to standard output by default, after a check with the default options', () => {
    expect(parseCliArgs(['report'])).toEqual({
      command: 'report',
      format: 'md',
      includePersonal: false,
      check: {
        command: 'check',
        format: 'table',
        timeoutMs: DEFAULT_TIMEOUT_MS,
        concurrency: DEFAULT_CONCURRENCY,
        expectIssuers: [],
        only: ['network', 'system'],
      },
    } satisfies ParsedArgs);
  });

  it('reads its own options and hands the check options to the check parser', () => {
    const parsed = parseCliArgs([
      'report',
      '--format=html',
      '--out',
      'r.html',
      '--include-personal',
      '--error',
      '0xe8000015',
      '--timeout-ms',
      '2500',
      '--only',
      'system',
      '--hosts-file',
      '/tmp/hosts',
    ]);
    expect(parsed).toMatchObject({
      command: 'report',
      format: 'html',
      outFile: 'r.html',
      includePersonal: true,
      errorCode: '0xE8000015',
      check: { command: 'check', timeoutMs: 2500, only: ['system'], hostsFile: '/tmp/hosts' },
    });
  });

  it('takes the format from the file name when --format is not given', () => {
    expect(parseCliArgs(['report', '--out', 'report.JSON'])).toMatchObject({ format: 'json' });
    expect(parseCliArgs(['report', '--out', 'report.htm'])).toMatchObject({ format: 'html' });
    expect(parseCliArgs(['report', '--out', 'report.txt'])).toMatchObject({ format: 'md' });
  });

  it('reads a saved check with --from, and then runs none', () => {
    const parsed = parseCliArgs(['report', '--from', 'check.json', '--format', 'markdown']);
    expect(parsed).toMatchObject({ command: 'report', fromFile: 'check.json', format: 'md' });
    expect(checkToRun(parsed)).toBeUndefined();
    expect(checkToRun(parseCliArgs(['report', '--timeout-ms', '300']))).toMatchObject({ command: 'check', timeoutMs: 300 });
    expect(checkToRun(parseCliArgs(['check']))).toMatchObject({ command: 'check', timeoutMs: DEFAULT_TIMEOUT_MS });
  });

  it.each([
    [['report', '--format', 'pdf'], /PDF is made by the desktop app/],
    [['report', '--out', 'x.pdf'], /PDF is made by the desktop app/],
    [['report', '--format', 'docx'], /--format takes md, html or json, not "docx"/],
    [['report', '--out'], /--out needs a value/],
    [['report', '--out', '--json'], /--out needs a value/],
    [['report', '--from', 'a.json', '--from', 'b.json'], /--from is given twice/],
    [['report', '--json'], /use --format json/],
    [['report', '--from', 'a.json', '--only', 'network'], /check options such as --only do not apply/],
    [['report', '--error', 'banana'], /--error takes an error number such as 3194, -54 or 0xE8000015, not "banana"/],
    [['report', '--timeout-ms', 'soon'], /--timeout-ms takes a whole number/],
    [['report', 'extra'], /Unexpected argument "extra"/],
  ])('refuses %j', (argv, message) => {
    expect(usageError(argv)).toMatch(message);
  });

  it('has its own help', () => {
    expect(parseCliArgs(['report', '--help'])).toEqual({ command: 'report-help' });
  });
});
