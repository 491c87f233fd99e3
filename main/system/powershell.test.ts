import { describe, expect, it } from 'vitest';
import { powershellArgs, powershellJsonRecords, powershellScriptRecords } from './powershell';
import { WINDOWS_SCRIPT } from './windows-powershell';

describe('powershellArgs', () => {
  it('encodes the script as PowerShell decodes -EncodedCommand (UTF-16LE, base64)', () => {
    const args = powershellArgs(WINDOWS_SCRIPT);
    expect(args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-EncodedCommand']);
    expect(Buffer.from(args[3]!, 'base64').toString('utf16le')).toBe(WINDOWS_SCRIPT);
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

describe('powershellScriptRecords', () => {
  it("reads one part's list from the one script's answer: a list, one object, or null for none", () => {
    expect(powershellScriptRecords('\uFEFF{"pnp":[{"Name":"a"},{"Name":"b"}],"appx":null}\r\n', 'pnp')).toEqual([{ Name: 'a' }, { Name: 'b' }]);
    expect(powershellScriptRecords('{"pnp":{"Name":"a"}}', 'pnp')).toEqual([{ Name: 'a' }]);
    expect(powershellScriptRecords('{"pnp":[],"appx":null}', 'appx')).toEqual([]);
  });

  it('says a part is unknown when it failed, is missing, or the answer is not the script\'s object', () => {
    for (const text of ['{"pnp":[],"pnpError":"Access denied"}', '{"appx":[]}', '[{"pnp":[]}]', '{not json', '', 'null', '{"pnp":[1]}']) {
      expect(powershellScriptRecords(text, 'pnp'), text).toBeUndefined();
    }
  });
});
