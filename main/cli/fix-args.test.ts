import { describe, expect, it } from 'vitest';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, parseCliArgs, type ParsedArgs } from './args';

function usageError(argv: string[]): string {
  const parsed = parseCliArgs(argv);
  if (parsed.command !== 'usage-error')
    throw new Error(`expected a usage error for ${JSON.stringify(argv)}, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe('sync-doctor fix arguments', () => {
  it('previews by default, applies with --yes, undoes with --undo, lists with --list', () => {
    expect(parseCliArgs(['fix', 'hosts-file-redirect'])).toEqual({
      command: 'fix',
      action: 'preview',
      findingId: 'hosts-file-redirect',
      json: false,
      timeoutMs: DEFAULT_TIMEOUT_MS,
      concurrency: DEFAULT_CONCURRENCY,
      expectIssuers: [],
      only: ['network', 'system'],
    } satisfies ParsedArgs);
    expect(parseCliArgs(['fix', 'clock-wrong', '--yes'])).toMatchObject({ action: 'apply', findingId: 'clock-wrong' });
    expect(parseCliArgs(['fix', 'clock-wrong', '--undo'])).toMatchObject({ action: 'undo' });
    expect(parseCliArgs(['fix', 'clock-wrong', '--undo', '--yes'])).toMatchObject({ action: 'undo' });
    expect(parseCliArgs(['fix', '--list', '--json'])).toMatchObject({ action: 'list', json: true });
  });

  it("takes the check's options", () => {
    expect(
      parseCliArgs([
        'fix',
        'hosts-file-redirect',
        '--yes',
        '--hosts-file',
        '/tmp/h',
        '--timeout-ms',
        '3000',
        '--expect-issuer',
        'Corp CA',
        '--only',
        'system',
      ]),
    ).toMatchObject({
      hostsFile: '/tmp/h',
      timeoutMs: 3000,
      expectIssuers: ['Corp CA'],
      only: ['system'],
    });
  });

  it('refuses what makes no sense, saying why', () => {
    expect(usageError(['fix'])).toMatch(/Which finding\?/);
    expect(usageError(['fix', 'rm -rf'])).toMatch(/is not a finding id/);
    expect(usageError(['fix', 'hosts-file-redirect', 'flush-dns'])).toBe('Unexpected argument "flush-dns".');
    expect(usageError(['fix', '--list', 'hosts-file-redirect'])).toMatch(/--list takes no finding id/);
    expect(usageError(['fix', '--list', '--yes'])).toMatch(/--list cannot be combined/);
    expect(usageError(['fix', 'hosts-file-redirect', '--format', 'intune'])).toMatch(/not --format intune/);
    expect(usageError(['fix', 'hosts-file-redirect', '--error', '3194'])).toMatch(/--error belongs to "sync-doctor check"/);
    expect(usageError(['check', '--yes'])).toBe('--yes, --undo and --list belong to "sync-doctor fix".');
  });
});
