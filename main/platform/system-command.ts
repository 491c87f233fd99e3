import path from 'node:path';

// Every program the checks run, by the place the operating system keeps it. On Windows a bare
// name is looked up in the current folder before the PATH, so a planted `reg.exe` beside the app
// would run instead; on macOS and Linux the PATH is the user's. So a command is always started by
// its absolute path from this table: add a line here for a new one.

type Location =
  /** A program under %SystemRoot%\System32 (the path below that folder). */
  | { system32: string }
  /** A program at a fixed absolute path on macOS or Linux. */
  | { absolute: `/${string}` };

const COMMANDS = {
  // Windows
  sc: { system32: 'sc.exe' },
  reg: { system32: 'reg.exe' },
  netstat: { system32: 'NETSTAT.EXE' },
  powershell: { system32: 'WindowsPowerShell\\v1.0\\powershell.exe' },
  // macOS
  lsof: { absolute: '/usr/sbin/lsof' },
  scutil: { absolute: '/usr/sbin/scutil' },
  launchctl: { absolute: '/bin/launchctl' },
  socketfilterfw: { absolute: '/usr/libexec/ApplicationFirewall/socketfilterfw' },
} as const satisfies Record<string, Location>;

export type SystemCommand = keyof typeof COMMANDS;

/** Where Windows lives when the environment does not say so believably. */
export const DEFAULT_SYSTEM_ROOT = 'C:\\Windows';

/**
 * The Windows folder from %SystemRoot% (or %windir%), when it is an absolute drive path
 * ("C:\Windows") without "." or ".." parts; otherwise C:\Windows. The environment is the
 * user's, so a relative, UNC or climbing value is not trusted to say where System32 is.
 */
export function systemRoot(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const candidates = [env['SystemRoot'], env['SYSTEMROOT'], env['windir'], env['WINDIR']];
  for (const value of candidates) {
    if (value === undefined || value === '') continue;
    return isPlainDrivePath(value) ? value.replace(/[\\/]+$/, '') : DEFAULT_SYSTEM_ROOT;
  }
  return DEFAULT_SYSTEM_ROOT;
}

function isPlainDrivePath(value: string): boolean {
  if (!/^[A-Za-z]:[\\/]/.test(value)) return false;
  const parts = value.slice(3).split(/[\\/]/);
  return parts.every((part, index) => {
    if (part === '') return index === parts.length - 1; // only a trailing separator
    return part !== '.' && part !== '..' && ![...part].some(isForbiddenInPath);
  });
}

/** Control characters, and what Windows forbids in a file name, plus % (an unexpanded variable). */
function isForbiddenInPath(char: string): boolean {
  return char.charCodeAt(0) < 0x20 || '<>:"|?*%'.includes(char);
}

/** The absolute path of a system command: `systemCommand('reg')` is C:\Windows\System32\reg.exe. */
export function systemCommand(name: SystemCommand, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const location: Location = COMMANDS[name];
  return 'absolute' in location ? location.absolute : path.win32.join(systemRoot(env), 'System32', location.system32);
}

/** Whether `file` names a program by an absolute path (Windows or POSIX), not a name to search for. */
export function isAbsoluteCommand(file: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(file) || file.startsWith('/');
}
