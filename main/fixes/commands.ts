import { existsSync } from 'node:fs';
import path from 'node:path';

// Every command a fix runs, by absolute path. On Windows a bare "sc" is looked up in the current
// folder first, so a planted sc.exe would run; elsewhere PATH could point anywhere. Windows paths
// come from a validated %SystemRoot%; macOS paths are fixed (SIP protects them); on Linux the
// first of /usr/bin and /bin that holds the command.

const WINDOWS = {
  sc: ['System32', 'sc.exe'],
  net: ['System32', 'net.exe'],
  netsh: ['System32', 'netsh.exe'],
  ipconfig: ['System32', 'ipconfig.exe'],
  w32tm: ['System32', 'w32tm.exe'],
  reg: ['System32', 'reg.exe'],
  control: ['System32', 'control.exe'],
  fltmc: ['System32', 'fltmc.exe'],
  // explorer.exe lives in %SystemRoot% itself; it opens ms-settings: pages.
  explorer: ['explorer.exe'],
} as const;

const MAC = {
  dscacheutil: '/usr/bin/dscacheutil',
  killall: '/usr/bin/killall',
  sntp: '/usr/bin/sntp',
  open: '/usr/bin/open',
} as const;

const LINUX = {
  resolvectl: ['/usr/bin/resolvectl', '/bin/resolvectl'],
  systemctl: ['/usr/bin/systemctl', '/bin/systemctl'],
} as const;

export type WindowsCommand = keyof typeof WINDOWS;
export type MacCommand = keyof typeof MAC;
export type LinuxCommand = keyof typeof LINUX;

export type CommandPath = { ok: true; path: string } | { ok: false; why: string };

export interface CommandEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  /** Whether a file exists (injected in tests). */
  exists?: (file: string) => boolean;
}

/** A plain drive-letter folder with no wildcards, quotes, variables or "..": what SystemRoot always is. */
const WINDOWS_FOLDER = /^[A-Za-z]:\\(?:[^\\/:*?"<>|%\0]+\\?)*$/;

/** %SystemRoot%, validated, or why it cannot be used. Names are case-insensitive on Windows. */
export function windowsSystemRoot(env: Readonly<Record<string, string | undefined>>): CommandPath {
  const key = Object.keys(env).find((name) => name.toLowerCase() === 'systemroot');
  const value = key ? env[key] : undefined;
  if (!value) return { ok: false, why: 'the SystemRoot environment variable is not set' };
  const trimmed = value.replace(/\\+$/, '');
  if (!WINDOWS_FOLDER.test(`${trimmed}\\`) || trimmed.split('\\').some((part) => part === '..' || part === '.')) {
    return { ok: false, why: `SystemRoot ("${value.slice(0, 80)}") is not a plain folder path` };
  }
  return { ok: true, path: trimmed };
}

export function windowsCommand(name: WindowsCommand, where: CommandEnvironment): CommandPath {
  const root = windowsSystemRoot(where.env);
  return root.ok ? { ok: true, path: path.win32.join(root.path, ...WINDOWS[name]) } : root;
}

/** macOS paths are fixed: the system volume is read-only and SIP-protected. */
export function macCommand(name: MacCommand): { ok: true; path: string } {
  return { ok: true, path: MAC[name] };
}

export function linuxCommand(name: LinuxCommand, where: Pick<CommandEnvironment, 'exists'> = {}): CommandPath {
  const exists = where.exists ?? existsSync;
  const found = LINUX[name].find((candidate) => exists(candidate));
  return found ? { ok: true, path: found } : { ok: false, why: `${name} is not installed (looked in ${LINUX[name].join(', ')})` };
}
