import { describe, expect, it } from 'vitest';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, parseCliArgs, USAGE, type ParsedArgs } from './args';

function usageError(argv: string[]): string {
  const parsed = parseCliArgs(argv);
  if (parsed.command !== 'usage-error')
    throw new Error(`expected a usage error for ${JSON.stringify(argv)}, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe('parseCliArgs', () => {
  it('gives the defaults for a bare "check"', () => {
    expect(parseCliArgs(['check'])).toEqual({
      command: 'check',
      format: 'table',
      timeoutMs: DEFAULT_TIMEOUT_MS,
      concurrency: DEFAULT_CONCURRENCY,
      expectIssuers: [],
      only: ['network', 'system'],
    } satisfies ParsedArgs);
  });

  it('reads every flag', () => {
    expect(
      parseCliArgs([
        'check',
        '--json',
        '--timeout-ms',
        '2500',
        '--concurrency',
        '8',
        '--catalog',
        'my-catalog.json',
        '--expect-issuer',
        'Sync Doctor Test',
        '--only',
        'network',
        '--hosts-file',
        '/tmp/hosts',
      ]),
    ).toEqual({
      command: 'check',
      format: 'json',
      timeoutMs: 2500,
      concurrency: 8,
      catalogFile: 'my-catalog.json',
      expectIssuers: ['Sync Doctor Test'],
      only: ['network'],
      hostsFile: '/tmp/hosts',
    } satisfies ParsedArgs);
  });

  it('takes --flag=value and flags before the command', () => {
    expect(parseCliArgs(['--timeout-ms=300', 'check', '--concurrency=2'])).toMatchObject({
      command: 'check',
      timeoutMs: 300,
      concurrency: 2,
    });
  });

  it('repeats --expect-issuer, trimming each name', () => {
    expect(parseCliArgs(['check', '--expect-issuer', ' Corp Root CA ', '--expect-issuer', 'Sync Doctor Test'])).toMatchObject({
      expectIssuers: ['Corp Root CA', 'Sync Doctor Test'],
    });
  });

  it('repeats --only, once per group', () => {
    expect(parseCliArgs(['check', '--only', 'system', '--only', 'network', '--only', 'system'])).toMatchObject({
      only: ['system', 'network'],
    });
    expect(parseCliArgs(['check', '--only', 'system'])).toMatchObject({ only: ['system'] });
  });

  it('takes --only device, alone or beside a group', () => {
    expect(parseCliArgs(['check', '--only', 'device'])).toMatchObject({ only: ['device'] });
    expect(parseCliArgs(['check', '--only=network', '--only=device'])).toMatchObject({ only: ['network', 'device'] });
  });

  it('refuses an unknown group or an empty issuer', () => {
    expect(usageError(['check', '--only', 'everything'])).toBe('--only takes "network", "system" or "device", not "everything".');
    expect(usageError(['check', '--only', 'Device'])).toBe('--only takes "network", "system" or "device", not "Device".');
    expect(usageError(['check', '--expect-issuer', '   '])).toBe('--expect-issuer needs a non-empty name.');
  });

  it('refuses numbers that are not whole, or out of range', () => {
    for (const bad of ['abc', '1.5', '1e3', '0x10', '', ' 500', '5s']) {
      expect(usageError(['check', `--timeout-ms=${bad}`]), bad).toBe(`--timeout-ms takes a whole number, not "${bad}".`);
    }
    expect(usageError(['check', '--timeout-ms', '99'])).toBe('--timeout-ms must be between 100 and 120000.');
    expect(usageError(['check', '--timeout-ms', '120001'])).toBe('--timeout-ms must be between 100 and 120000.');
    expect(usageError(['check', '--concurrency', '0'])).toBe('--concurrency must be between 1 and 256.');
    expect(usageError(['check', '--concurrency', '257'])).toBe('--concurrency must be between 1 and 256.');
    expect(usageError(['check', '--concurrency=-3'])).toMatch(/--concurrency/);
    expect(usageError(['check', '--timeout-ms', '-3'])).toBeTruthy();
  });

  it('takes the ends of each range', () => {
    expect(parseCliArgs(['check', '--timeout-ms', '100', '--concurrency', '1'])).toMatchObject({ timeoutMs: 100, concurrency: 1 });
    expect(parseCliArgs(['check', '--timeout-ms', '120000', '--concurrency', '256'])).toMatchObject({
      timeoutMs: 120_000,
      concurrency: 256,
    });
  });

  it('refuses an unknown command, a missing command and extra arguments', () => {
    expect(usageError(['run'])).toBe('Unknown command "run". The commands are "check", "explain" and "fix".');
    expect(usageError([])).toBe('Missing the command: sync-doctor check');
    expect(usageError(['--json'])).toBe('Missing the command: sync-doctor check');
    expect(usageError(['check', 'now'])).toBe('Unexpected argument "now".');
  });

  it('refuses an unknown flag, a flag without its value, and a value on a switch', () => {
    expect(usageError(['check', '--verbose'])).toMatch(/--verbose/);
    expect(usageError(['check', '-x'])).toMatch(/-x/);
    expect(usageError(['check', '--timeout-ms'])).toMatch(/--timeout-ms/);
    expect(usageError(['check', '--json=yes'])).toMatch(/--json/);
  });

  it('answers help and version before anything else', () => {
    expect(parseCliArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['-h'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['check', '--timeout-ms', '5', '-h'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['--version'])).toEqual({ command: 'version' });
    expect(parseCliArgs(['-v'])).toEqual({ command: 'version' });
    expect(parseCliArgs(['-h', '-v'])).toEqual({ command: 'help' });
  });
});

describe('parseCliArgs: explain, --error and --format', () => {
  it('reads an error code for explain, normalised, including negative ones', () => {
    expect(parseCliArgs(['explain', '3194'])).toEqual({ command: 'explain', code: '3194', json: false });
    expect(parseCliArgs(['explain', '0xe8000015', '--json'])).toEqual({ command: 'explain', code: '0xE8000015', json: true });
    expect(parseCliArgs(['explain', '-54'])).toEqual({ command: 'explain', code: '-54', json: false });
  });

  it('passes what is not a code through, for runCli to refuse with exit 2', () => {
    expect(parseCliArgs(['explain', 'banana'])).toEqual({ command: 'explain', code: 'banana', json: false });
  });

  it('refuses explain without a code, with two, or with check options', () => {
    expect(usageError(['explain'])).toMatch(/needs an error code/);
    expect(usageError(['explain', '1', '2'])).toMatch(/one error code/);
    expect(usageError(['explain', '3194', '--timeout-ms', '100'])).toMatch(/only --json/);
  });

  it('takes --error with a code, negative ones too, and refuses anything else', () => {
    expect(parseCliArgs(['check', '--error', '3194'])).toMatchObject({ command: 'check', errorCode: '3194' });
    expect(parseCliArgs(['check', '--error', '-54'])).toMatchObject({ command: 'check', errorCode: '-54' });
    expect(parseCliArgs(['check', '--error=0xe800000a'])).toMatchObject({ command: 'check', errorCode: '0xE800000A' });
    expect(usageError(['check', '--error', 'oops'])).toMatch(/not an error code/);
  });

  it('takes the fleet formats and refuses a format that contradicts --json', () => {
    expect(parseCliArgs(['check', '--format', 'jamf-ea'])).toMatchObject({ format: 'jamf-ea' });
    expect(parseCliArgs(['check', '--format', 'intune'])).toMatchObject({ format: 'intune' });
    expect(parseCliArgs(['check', '--json', '--format', 'json'])).toMatchObject({ format: 'json' });
    expect(usageError(['check', '--format', 'csv'])).toMatch(/--format takes table, json, jamf-ea, intune/);
    expect(usageError(['check', '--json', '--format', 'intune'])).toMatch(/say different things/);
  });
});

describe('USAGE', () => {
  it('mentions every flag the parser takes', () => {
    for (const flag of [
      '--json',
      '--timeout-ms',
      '--concurrency',
      '--catalog',
      '--expect-issuer',
      '--only',
      '--hosts-file',
      '--error',
      '--format',
      '--list',
      '--yes',
      '--undo',
      '--help',
      '--version',
    ]) {
      expect(USAGE, flag).toContain(flag);
    }
    expect(USAGE).toContain(`default ${DEFAULT_TIMEOUT_MS}`);
    expect(USAGE).toContain(`default ${DEFAULT_CONCURRENCY}`);
  });
});
