import { describe, expect, it, vi } from 'vitest';
import { APP_LINK_URLS, APP_LINKS } from '../../app/links';
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

  it("opens the app's own links and says whether it did", async () => {
    const open = vi.fn((_url: string) => Promise.resolve());
    for (const url of APP_LINK_URLS) expect(await openExternalSafely(url, open)).toBe(true);
    expect(open.mock.calls.map(([url]) => url)).toEqual(APP_LINK_URLS);
    expect(await openExternalSafely(APP_LINKS.restoreErrors, () => Promise.reject(new Error('no browser')))).toBe(false);
  });

  it('opens no other address, https or not: a link is the way a compromised page would send data out', async () => {
    const open = vi.fn((_url: string) => Promise.resolve());
    for (const other of [
      'https://evil.example/collect?report=serial-F2LXK0ABCDEF',
      'https://support.apple.com/x',
      `${APP_LINKS.restoreErrors}?leak=1`,
      `${APP_LINKS.restoreErrors}#leak`,
      APP_LINKS.restoreErrors.toUpperCase(),
      'ms-msdt:/id',
    ]) {
      expect(await openExternalSafely(other, open), other).toBe(false);
    }
    expect(open).not.toHaveBeenCalled();
  });

  it("has only https links without credentials in the app's list", () => {
    for (const url of APP_LINK_URLS) expect(safeExternalUrl(url)?.toString(), url).toBe(url);
  });
});
