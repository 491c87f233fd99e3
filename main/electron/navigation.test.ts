import { describe, expect, it, vi } from 'vitest';
import { openExternalSafely, safeExternalUrl } from './navigation';

describe('external links', () => {
  it('lets only https links without credentials out', () => {
    expect(safeExternalUrl('https://support.apple.com/HT201444')?.host).toBe('support.apple.com');
    for (const bad of [
      'http://support.apple.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'https://user:pw@evil.example',
      'not a url',
    ]) {
      expect(safeExternalUrl(bad), bad).toBeUndefined();
    }
  });

  it('opens a safe link and says whether it did', async () => {
    const open = vi.fn(() => Promise.resolve());
    expect(await openExternalSafely('https://support.apple.com/x', open)).toBe(true);
    expect(open).toHaveBeenCalledWith('https://support.apple.com/x');
    expect(await openExternalSafely('ms-msdt:/id', open)).toBe(false);
    expect(open).toHaveBeenCalledOnce();
    expect(await openExternalSafely('https://a.example', () => Promise.reject(new Error('no browser')))).toBe(false);
  });
});
