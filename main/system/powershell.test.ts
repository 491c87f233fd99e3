import { describe, expect, it } from 'vitest';
import { WINDOWS_SECURITY_SCRIPT } from './firewall/windows';
import { powershellArgs, powershellJsonRecords } from './powershell';

describe('powershellArgs', () => {
  it('encodes the script as PowerShell decodes -EncodedCommand (UTF-16LE, base64)', () => {
    const args = powershellArgs(WINDOWS_SECURITY_SCRIPT);
    expect(args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-EncodedCommand']);
    expect(Buffer.from(args[3]!, 'base64').toString('utf16le')).toBe(WINDOWS_SECURITY_SCRIPT);
    expect(args[3]).toMatch(/^[A-Za-z0-9+/=]+$/);
  });
});

describe('powershellJsonRecords', () => {
  it('reads one object, an array, or nothing as a list of records', () => {
    expect(powershellJsonRecords('{"Name":"a"}')).toEqual([{ Name: 'a' }]);
    expect(powershellJsonRecords('\uFEFF[{"Name":"a"},{"Name":"b"}]\r\n')).toEqual([{ Name: 'a' }, { Name: 'b' }]);
    expect(powershellJsonRecords('  \r\n')).toEqual([]);
    expect(powershellJsonRecords('[]')).toEqual([]);
  });

  it('refuses what is not JSON records', () => {
    for (const text of ['{not json', '42', '"text"', '[1, 2]', '[[{}]]', 'null']) expect(powershellJsonRecords(text), text).toBeUndefined();
  });
});
