import { describe, expect, it } from 'vitest';
import { powershellArgs } from './powershell';
import { WINDOWS_SCRIPT } from './windows-powershell';

describe('powershellArgs', () => {
  it('encodes the script as PowerShell decodes -EncodedCommand (UTF-16LE, base64)', () => {
    const args = powershellArgs(WINDOWS_SCRIPT);
    expect(args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-EncodedCommand']);
    expect(Buffer.from(args[3]!, 'base64').toString('utf16le')).toBe(WINDOWS_SCRIPT);
    expect(args[3]).toMatch(/^[A-Za-z0-9+/=]+$/);
  });
});
