import type { Finding } from '../../diagnosis/finding';

/** The manual steps of a finding for the system the report was made on (none where Apple's software does not run). */
export function stepsFor(finding: Finding, os: string): string[] {
  if (os === 'win32') return finding.steps.windows;
  if (os === 'darwin') return finding.steps.mac;
  return [];
}
