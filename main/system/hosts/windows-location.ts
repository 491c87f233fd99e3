import path from 'node:path';
import { parseRegQuery } from '../../platform/reg-query';
import { runCommand } from '../../platform/exec';
import { systemCommand, systemRoot } from '../../platform/system-command';
import { systemHostsPath } from './read';

const KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters';

export interface HostsLocation {
  file: string;
  /** Set when the DataBasePath registry value points somewhere other than the default. */
  relocatedFrom?: string;
}

/**
 * The DataBasePath value out of `reg query ...\Tcpip\Parameters /v DataBasePath`. Pure; undefined
 * when the line is not there.
 */
export function parseDataBasePath(text: string): string | undefined {
  const value = parseRegQuery(text).find((entry) => entry.name.toLowerCase() === 'databasepath' && /^REG_(?:EXPAND_)?SZ$/.test(entry.type));
  return value?.data || undefined;
}

/** Expands %NAME% the way Windows does (names are case-insensitive); unknown names stay. Pure. */
export function expandWindowsEnv(text: string, env: Readonly<Record<string, string | undefined>>): string {
  const lower = new Map(Object.entries(env).map(([name, value]) => [name.toLowerCase(), value]));
  return text.replace(/%([^%]+)%/g, (whole, name: string) => lower.get(name.toLowerCase()) ?? whole);
}

/**
 * The hosts file Windows actually reads: the DataBasePath registry value says which folder. Some
 * malware moves it to hide its own hosts file; that is worth telling. Falls back to the default
 * when the registry cannot be read.
 */
export async function windowsHostsLocation(signal: AbortSignal): Promise<HostsLocation> {
  const fallback = systemHostsPath('win32');
  const outcome = await runCommand(systemCommand('reg'), ['query', KEY, '/v', 'DataBasePath'], { signal, timeoutMs: 10_000 });
  const value = outcome.kind === 'ran' && outcome.exitCode === 0 ? parseDataBasePath(outcome.stdout) : undefined;
  return locationFrom(value, process.env, fallback);
}

/** Pure: the hosts file for a DataBasePath value. */
export function locationFrom(
  value: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  fallback: string,
): HostsLocation {
  if (!value) return { file: fallback };
  // %SystemRoot% as validated for running commands, not whatever the environment says.
  const folder = expandWindowsEnv(value, { ...env, SystemRoot: systemRoot(env) });
  const file = path.win32.join(folder, 'hosts');
  return file.toLowerCase() === fallback.toLowerCase() ? { file } : { file, relocatedFrom: fallback };
}
