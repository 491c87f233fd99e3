import { runCommand, type CommandOutcome, type RunCommand } from './exec';
import { WINDOWS_SECURITY_PART } from './firewall/windows';
import { POWERSHELL_DEADLINE_MS, powershellArgs } from './powershell';
import { APPX_PART } from './services/edition';
import { shareOnce } from './task';

/**
 * The one PowerShell script of a run on Windows. A cold PowerShell start costs seconds, so the
 * checks that need it share one: the firewall's profiles and rules and Security Center's products
 * (firewall/windows.ts), and the Apple Store packages (services/edition.ts). Each part fills its
 * own fields of `$r` and catches its own errors, so one part failing leaves the others' answers.
 */
export const WINDOWS_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  // Product names can be non-ASCII; without this PowerShell writes the pipe in the OEM code page.
  '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8',
  '$r = [ordered]@{}',
  ...WINDOWS_SECURITY_PART,
  ...APPX_PART,
  '$r | ConvertTo-Json -Depth 4 -Compress',
].join('\n');

/** The script's output; the first check to ask starts PowerShell, the others get the same answer. */
export type WindowsPowerShell = (signal: AbortSignal) => Promise<CommandOutcome>;

/** One PowerShell run for every check of a run that asks for it. */
export function sharedWindowsPowerShell(run: RunCommand = runCommand): WindowsPowerShell {
  return shareOnce((signal) => run('powershell.exe', powershellArgs(WINDOWS_SCRIPT), { signal, timeoutMs: POWERSHELL_DEADLINE_MS }));
}
