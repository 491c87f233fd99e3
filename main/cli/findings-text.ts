import type { Finding } from '../../app/diagnosis/finding';
import { wrap } from './table';

const MARK: Record<Finding['severity'], string> = { fail: 'PROBLEM', warn: 'WARNING', info: 'NOTE' };

/** "What we found": the findings after the table, most likely first, each with what to do. */
export function renderFindings(findings: readonly Finding[], width = 100): string {
  const problems = findings.filter((finding) => finding.severity !== 'info');
  const lines = ['What we found'];
  if (problems.length === 0) lines.push('  Nothing on this computer or its network is in the way of syncing, updating or restoring.');
  // The steps are written for the two desktop systems; elsewhere (a Linux admin's shell) show both.
  const platforms: { key: keyof Finding['steps']; label: string }[] =
    process.platform === 'darwin'
      ? [{ key: 'mac', label: 'What to do' }]
      : process.platform === 'win32'
        ? [{ key: 'windows', label: 'What to do' }]
        : [
            { key: 'windows', label: 'What to do on Windows' },
            { key: 'mac', label: 'What to do on a Mac' },
          ];
  const textWidth = Math.max(40, width - 6);
  findings.forEach((finding, index) => {
    lines.push('');
    lines.push(`${index + 1}. ${MARK[finding.severity]}: ${finding.title} [${finding.id}, ${finding.confidence} confidence]`);
    for (const line of wrap(finding.detail, textWidth)) lines.push(`   ${line}`);
    if (finding.severity === 'info') return;
    for (const { key, label } of platforms) {
      const steps = finding.steps[key];
      if (steps.length === 0) continue;
      lines.push(`   ${label}:`);
      for (const step of steps) {
        const [first, ...rest] = wrap(step, textWidth - 2);
        lines.push(`   - ${first ?? ''}`);
        for (const line of rest) lines.push(`     ${line}`);
      }
    }
  });
  return lines.join('\n');
}
