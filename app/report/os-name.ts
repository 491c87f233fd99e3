// The operating system in the words people and support staff use, from what Node reports
// (process.platform and os.release()). Pure, so the CLI, the app and --from files agree.

const MAC_NAMES: Record<number, string> = {
  17: 'macOS 10.13 High Sierra',
  18: 'macOS 10.14 Mojave',
  19: 'macOS 10.15 Catalina',
  20: 'macOS 11 Big Sur',
  21: 'macOS 12 Monterey',
  22: 'macOS 13 Ventura',
  23: 'macOS 14 Sonoma',
  24: 'macOS 15 Sequoia',
  25: 'macOS 26 Tahoe',
};

/** "Windows 11", "macOS 14 Sonoma", "Linux"; the platform string itself when it is none of those. */
export function osName(platform: string, release: string): string {
  switch (platform) {
    case 'win32': {
      const [major, minor, build] = release.split('.').map((part) => Number.parseInt(part, 10));
      if (major === 10 && minor === 0) return (build ?? 0) >= 22000 ? 'Windows 11' : 'Windows 10';
      if (major === 6 && minor === 3) return 'Windows 8.1';
      if (major === 6 && minor === 2) return 'Windows 8';
      if (major === 6 && minor === 1) return 'Windows 7';
      return 'Windows';
    }
    case 'darwin': {
      const darwin = Number.parseInt(release, 10);
      return MAC_NAMES[darwin] ?? 'macOS';
    }
    case 'linux':
      return 'Linux';
    default:
      return platform;
  }
}
