import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { HELP_LINKS, menuTemplate } from './menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
}

describe('menuTemplate', () => {
  it('has no developer tools or reload in a packaged build', () => {
    const packaged = roles(menuTemplate({ platform: 'win32', appName: 'Sync Doctor', packaged: true, openLink: () => undefined }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    const dev = roles(menuTemplate({ platform: 'win32', appName: 'Sync Doctor', packaged: false, openLink: () => undefined }));
    expect(dev).toContain('toggleDevTools');
  });

  it('gives macOS its app menu and Windows a Quit in File', () => {
    const mac = menuTemplate({ platform: 'darwin', appName: 'Sync Doctor', packaged: true, openLink: () => undefined });
    expect(mac[0]?.label).toBe('Sync Doctor');
    const win = menuTemplate({ platform: 'win32', appName: 'Sync Doctor', packaged: true, openLink: () => undefined });
    expect(win[0]?.label).toBe('&File');
    expect(roles([win[0]!])).toContain('quit');
  });

  it('opens the help links through the safe opener, and they are https', () => {
    const openLink = vi.fn();
    const help = menuTemplate({ platform: 'linux', appName: 'Sync Doctor', packaged: true, openLink }).find((item) => item.role === 'help');
    const items = (help?.submenu as MenuItemConstructorOptions[]).filter((item) => item.click);
    for (const item of items) (item.click as () => void)();
    expect(openLink.mock.calls.map(([url]) => url)).toEqual(Object.values(HELP_LINKS));
    for (const url of Object.values(HELP_LINKS)) expect(url).toMatch(/^https:\/\//);
  });
});
