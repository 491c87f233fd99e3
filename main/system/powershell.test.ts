import { describe, expect, it } from 'vitest';
import { WINDOWS_SECURITY_SCRIPT } from './firewall/windows';
import { powershellArgs } from './powershell';

describe('powershellArgs', () => {
  it('encodes the script as PowerShell decodes -EncodedCommand (UTF-16LE, base64)', () => {
    const args = powershellArgs(WINDOWS_SECURITY_SCRIPT);
    expect(args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-EncodedCommand']);
    expect(Buffer.from(args[3]!, 'base64').toString('utf16le')).toBe(WINDOWS_SECURITY_SCRIPT);
    expect(args[3]).toMatch(/^[A-Za-z0-9+/=]+$/);
  });
});
