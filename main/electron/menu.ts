import type { MenuItemConstructorOptions } from 'electron';
import { APP_LINKS } from '../../app/links';

export const HELP_LINKS = APP_LINKS;

/** The application menu: the platform's usual entries, no developer tools in a packaged build. */
export function menuTemplate(options: {
  platform: NodeJS.Platform;
  appName: string;
  packaged: boolean;
  openLink: (url: string) => void;
}): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!options.packaged) view.unshift({ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' });
  return [
    ...(mac
      ? [
          {
            label: options.appName,
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    { label: '&File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    { label: '&Edit', submenu: [{ role: 'copy' }, { role: 'selectAll' }] },
    { label: '&View', submenu: view },
    {
      label: '&Window',
      submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { label: 'Apple: Apple products on enterprise networks', click: () => options.openLink(HELP_LINKS.enterpriseNetworks) },
        { label: 'Apple: update and restore errors', click: () => options.openLink(HELP_LINKS.restoreErrors) },
        ...(mac
          ? []
          : [{ type: 'separator' } satisfies MenuItemConstructorOptions, { role: 'about' } satisfies MenuItemConstructorOptions]),
      ],
    },
  ];
}
