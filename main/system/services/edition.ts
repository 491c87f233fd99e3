import { powershellScriptRecords } from '../powershell';

type WindowsEdition = 'itunes-desktop' | 'itunes-store' | 'apple-devices';

interface AppxPackage {
  name: string;
  version: string;
  installLocation: string;
}

/** The Store packages' part of the one PowerShell run on Windows (windows-powershell.ts): adds `appx` to its result `$r`. */
export const APPX_PART = [
  'try { $r.appx = @(Get-AppxPackage -Name \'AppleInc.*\' | ForEach-Object { [ordered]@{ Name = "$($_.Name)"; Version = "$($_.Version)"; InstallLocation = "$($_.InstallLocation)" } }) } catch { $r.appxError = "$_" }',
];

/**
 * The Apple Store packages from the script's JSON: its `appx` field, a list (or one object, as
 * ConvertTo-Json may write a single item; null or an empty list for none). Undefined when they
 * could not be listed (appxError, no such field) or the output is garbage. Pure.
 */
export function parseAppxPackages(text: string): AppxPackage[] | undefined {
  const records = powershellScriptRecords(text, 'appx');
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
