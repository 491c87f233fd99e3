/** The operating systems the system checks and fixes tell apart. */
export type SystemOs = 'windows' | 'mac' | 'linux' | 'other';

export function systemOs(platform: NodeJS.Platform = process.platform): SystemOs {
  return platform === 'win32' ? 'windows' : platform === 'darwin' ? 'mac' : platform === 'linux' ? 'linux' : 'other';
}

export const OS_NAMES: Record<SystemOs, string> = { windows: 'Windows', mac: 'macOS', linux: 'Linux', other: 'this operating system' };
