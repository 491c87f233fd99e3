import type { ProcessInfo } from './list';

/** The processes whose executable is one of `names` (case-insensitive, basename only). */
export function findProcesses(processes: readonly ProcessInfo[], names: readonly string[]): ProcessInfo[] {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  return processes.filter((process) => wanted.has(process.name.toLowerCase()));
}
