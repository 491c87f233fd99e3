import { PNP_PART } from './device/pnp';
import { runCommand, type CommandOutcome, type RunCommand } from '../platform/exec';
import { WINDOWS_SECURITY_PART } from './firewall/windows';
import { POWERSHELL_DEADLINE_MS, powershellArgs } from './powershell';
import { APPX_PART } from './services/edition';
import { systemCommand } from '../platform/system-command';
import { shareOnce } from './task';

/** What the one script can ask: the firewall and Security Center, the Store packages, the Apple Plug and Play entries. */
export type WindowsScriptPart = 'security' | 'appx' | 'pnp';

const PARTS: Record<WindowsScriptPart, readonly string[]> = { security: WINDOWS_SECURITY_PART, appx: APPX_PART, pnp: PNP_PART };
const EVERY_PART: readonly WindowsScriptPart[] = ['security', 'appx', 'pnp'];

/**
 * The one PowerShell script of a run on Windows. A cold PowerShell start costs seconds, so the
 * checks that need it share one: the firewall's profiles and rules and Security Center's products
 * (firewall/windows.ts), the Apple Store packages (services/edition.ts) and the device's USB
 * driver (device/pnp.ts). Each part fills its own fields of `$r` and catches its own errors, so
 * one part failing leaves the others' answers.
 */
export function windowsScript(parts: readonly WindowsScriptPart[] = EVERY_PART): string {
  return [
    "$ErrorActionPreference = 'Stop'",
    // Product names can be non-ASCII; without this PowerShell writes the pipe in the OEM code page.
    '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8',
    '$r = [ordered]@{}',
    ...parts.flatMap((part) => PARTS[part]),
    '$r | ConvertTo-Json -Depth 4 -Compress',
  ].join('\n');
}

/** The script of a whole run (network and system checks). */
export const WINDOWS_SCRIPT = windowsScript();

/** The script's output; the first check to ask starts PowerShell, the others get the same answer. */
export type WindowsPowerShell = (signal: AbortSignal) => Promise<CommandOutcome>;

/** One PowerShell run for every check of a run that asks for it; `parts` only when fewer checks run (`--only device`). */
export function sharedWindowsPowerShell(run: RunCommand = runCommand, parts: readonly WindowsScriptPart[] = EVERY_PART): WindowsPowerShell {
  const script = windowsScript(parts);
  return shareOnce((signal) => run(systemCommand('powershell'), powershellArgs(script), { signal, timeoutMs: POWERSHELL_DEADLINE_MS }));
}
