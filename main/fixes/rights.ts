import type { RunCommand } from '../platform/exec';
import type { SystemOs } from '../platform/system-os';
import { windowsCommand } from './commands';

/**
 * Whether this process holds administrator rights: root on macOS and Linux; on Windows an
 * elevated token, which `fltmc` (the filter manager tool) requires to list filters: exit 0 only
 * when elevated (the test is-admin uses).
 */
export async function hasAdminRights(
  os: SystemOs,
  run: RunCommand,
  env: Readonly<Record<string, string | undefined>>,
  signal: AbortSignal,
): Promise<boolean> {
  if (os !== 'windows') return process.getuid?.() === 0;
  const fltmc = windowsCommand('fltmc', { env });
  if (!fltmc.ok) return false;
  const outcome = await run(fltmc.path, [], { signal, timeoutMs: 10_000 });
  return outcome.kind === 'ran' && outcome.exitCode === 0;
}

/** How to get the rights, for the message when they are missing. */
export function howToElevate(os: SystemOs, commandLine: string): string {
  return os === 'windows'
    ? `Open "Terminal (Admin)" or "Command Prompt" with "Run as administrator" and run: ${commandLine}`
    : `Run it with sudo: sudo ${commandLine}`;
}
