import type { Finding, FixId } from '../../app/diagnosis/finding';
import type { SystemOs } from '../platform/system-os';
import { startBonjour } from './bonjour';
import type { FixDefinition } from './definition';
import { restartDeviceService } from './device-service';
import { flushDns } from './flush-dns';
import { removeHostsRedirects } from './hosts/fix';
import { OPEN_SETTINGS_FIXES } from './open-settings';
import { syncClock } from './sync-clock';
import { resetWinHttpProxy } from './winhttp-proxy';

/** Every fix, in the order they are applied when a finding has several: changes first, then pages to open. */
export const FIXES: readonly FixDefinition[] = [
  removeHostsRedirects,
  flushDns,
  restartDeviceService,
  startBonjour,
  resetWinHttpProxy,
  syncClock,
  ...OPEN_SETTINGS_FIXES,
];

export function fixById(id: FixId): FixDefinition {
  const fix = FIXES.find((candidate) => candidate.id === id);
  if (!fix) throw new Error(`No fix ${id}`);
  return fix;
}

/**
 * The fixes for a finding on this OS: those the diagnosis listed and those that say they answer
 * it, each once, changes before pages to open.
 */
export function fixesFor(finding: Pick<Finding, 'id' | 'fixes'>, os: SystemOs): FixDefinition[] {
  return FIXES.filter(
    (fix) => (finding.fixes.includes(fix.id) || fix.answers.includes(finding.id)) && (fix.platforms as readonly string[]).includes(os),
  );
}
