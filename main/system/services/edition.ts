import { powershellJsonRecords } from '../powershell';

type WindowsEdition = 'itunes-desktop' | 'itunes-store' | 'apple-devices';

interface AppxPackage {
  name: string;
  version: string;
  installLocation: string;
}

/**
 * Reads `Get-AppxPackage -Name AppleInc.* | Select-Object Name,Version,InstallLocation |
 * ConvertTo-Json`: PowerShell prints one object for one package, an array for several and
 * nothing for none. Pure; garbage gives undefined.
 */
export function parseAppxJson(text: string): AppxPackage[] | undefined {
  const records = powershellJsonRecords(text);
  if (!records) return undefined;
  const packages: AppxPackage[] = [];
  for (const record of records) {
    if (typeof record['Name'] !== 'string') return undefined;
    packages.push({
      name: record['Name'],
      version: typeof record['Version'] === 'string' ? record['Version'] : '',
      installLocation: typeof record['InstallLocation'] === 'string' ? record['InstallLocation'] : '',
    });
  }
  return packages;
}

/** Which edition a device-service executable path belongs to. Pure. */
export function editionOfServicePath(path: string): WindowsEdition | undefined {
  const lower = path.toLowerCase();
  if (lower.includes('\\windowsapps\\appleinc.appledevices')) return 'apple-devices';
  if (lower.includes('\\windowsapps\\appleinc.itunes')) return 'itunes-store';
  if (lower.includes('\\common files\\apple\\mobile device support\\')) return 'itunes-desktop';
  return undefined;
}

export const EDITION_NAMES: Record<WindowsEdition, string> = {
  'itunes-desktop': "iTunes from Apple's installer",
  'itunes-store': 'iTunes from the Microsoft Store',
  'apple-devices': 'the Apple Devices app (Microsoft Store)',
};

/** Editions found from Store packages and the desktop iTunes folder. */
export function editionsFound(packages: readonly AppxPackage[], desktopItunes: boolean): WindowsEdition[] {
  const found: WindowsEdition[] = [];
  if (desktopItunes) found.push('itunes-desktop');
  if (packages.some((p) => p.name.toLowerCase() === 'appleinc.itunes')) found.push('itunes-store');
  if (packages.some((p) => p.name.toLowerCase() === 'appleinc.appledevices')) found.push('apple-devices');
  return found;
}
