import type { CheckResult } from '../contract/check';

/**
 * Which Apple software syncs devices here, from the `service:edition` check: on Windows the
 * editions it found (iTunes from Apple's installer or the Store, the Apple Devices app), on macOS
 * Finder or iTunes. Undefined when the check did not run, could not tell, or does not apply.
 */
export function appleSoftwareOf(checks: readonly CheckResult[]): string | undefined {
  const check = checks.find((candidate) => candidate.id === 'service:edition');
  if (!check || check.kind !== 'service' || check.reason === 'not-applicable' || check.reason === 'cancelled') return undefined;
  const facts = check.facts ?? {};
  const editions = facts['editions'];
  if (typeof editions === 'string' && editions !== '') return editions;
  const darwin = facts['darwin'];
  if (typeof darwin === 'number') {
    if (darwin >= 19) return 'Finder (macOS 10.15 or later)';
    return facts['itunesApp'] === true ? 'iTunes' : undefined;
  }
  return undefined;
}
