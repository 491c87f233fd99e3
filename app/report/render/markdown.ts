import type { CheckResult } from '../../contract/check';
import type { Finding } from '../../diagnosis/finding';
import type { FixAttempt } from '../fix-attempt';
import type { SafeReport } from '../redact/redact-report';
import {
  checksNotPassed,
  checkTarget,
  confidenceWords,
  formatWhen,
  issuerOf,
  noFindingWords,
  outcomeWords,
  privacyWords,
  REPORT_TITLE,
  severityWord,
  statusWord,
  summaryFacts,
  summaryWords,
  timingsText,
} from './words';
import { stepsFor } from './steps';

/** GitHub caps an issue body at 65,536 characters; this leaves room for the person's own words. */
export const MARKDOWN_LIMIT = 60_000;
/** A table cell longer than this is cut: one runaway detail must not crowd out the other checks. */
const CELL_LIMIT = 500;

/**
 * Free text that Markdown (and the HTML a forum allows in it) must show as written. Escapes only
 * where a character would mean something, so a Windows path or a placeholder stays readable raw.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')
    .replace(/[`*<>|~]/g, '\\$&')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/\](?=[([:])/g, '\\]')
    .replace(/^#/, '\\#');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}\``;
}

function cell(text: string): string {
  const short = text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT - 1)}…` : text;
  return markdownText(short);
}

/**
 * The forum and ticket format: summary and findings first, then every check as a table inside
 * <details>. Never longer than MARKDOWN_LIMIT: rows that do not fit are left out with a note.
 */
export function renderMarkdown(report: SafeReport, limit = MARKDOWN_LIMIT): string {
  const head = [`## ${REPORT_TITLE}`, '', ...summaryFacts(report).map(([name, value]) => `- **${name}:** ${markdownText(value)}`), ''];
  head.push(`_${markdownText(privacyWords(report))}_`, '');
  head.push('### Findings', '');
  if (report.findings.length === 0) {
    head.push(markdownText(noFindingWords(report)), '');
    for (const check of checksNotPassed(report)) head.push(`- **${statusWord(check.status)}**: ${checkLine(check)}`);
    if (checksNotPassed(report).length > 0) head.push('');
  } else {
    report.findings.forEach((finding, index) => head.push(...findingLines(finding, index + 1, report), ''));
  }
  if (report.fixes.length > 0) {
    head.push('### Fixes tried', '');
    report.fixes.forEach((fix, index) => head.push(...fixLines(fix, index + 1), ''));
  }

  const opening = [
    '<details>',
    `<summary>All ${report.checks.length} checks (${summaryWords(report.summary)})</summary>`,
    '',
    '| Status | Check | Reason | Detail | Timings | Issuer |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const closing = ['', '</details>', ''];
  const rows = report.checks.map(checkRow);

  let text = `${head.join('\n')}\n`;
  if (text.length > limit) return cutToLimit(text, limit);
  const fixed = `${opening.join('\n')}\n${closing.join('\n')}`;
  const note = (left: number) =>
    `\n_${left} more check${left === 1 ? '' : 's'} not shown here, to keep this under ${limit.toLocaleString('en-US')} characters for forums; the HTML, PDF and JSON reports have them all._\n`;
  let budget = limit - text.length - fixed.length - note(rows.length).length;
  const shown: string[] = [];
  for (const row of rows) {
    if (row.length + 1 > budget) break;
    shown.push(row);
    budget -= row.length + 1;
  }
  const left = rows.length - shown.length;
  text += `${opening.join('\n')}\n${shown.map((row) => `${row}\n`).join('')}`;
  if (left > 0) text += note(left);
  text += closing.join('\n');
  return text;
}

function checkLine(check: CheckResult): string {
  const target = checkTarget(check);
  return `${markdownText(check.title)}${target ? ` (${code(target)})` : ''}: ${markdownText(check.detail)}`;
}

function findingLines(finding: Finding, number: number, report: SafeReport): string[] {
  const lines = [
    `${number}. **${markdownText(finding.title)}** (${severityWord(finding.severity)}, ${confidenceWords(finding.confidence)})`,
    `   ${markdownText(finding.detail)}`,
  ];
  const facts: string[] = [];
  if (finding.errorCodes.length > 0) facts.push(`Error codes: ${finding.errorCodes.map(code).join(', ')}`);
  if (finding.checks.length > 0) facts.push(`Evidence: ${finding.checks.map(code).join(', ')}`);
  if (finding.fixes.length > 0) facts.push(`Fixes: ${finding.fixes.map(code).join(', ')}`);
  if (facts.length > 0) lines.push(`   ${facts.join(' · ')}`);
  const steps = stepsFor(finding, report.platform.os);
  steps.forEach((step) => lines.push(`   - ${markdownText(step)}`));
  return lines;
}

function fixLines(fix: FixAttempt, number: number): string[] {
  const lines = [
    `${number}. ${code(fix.fixId)} for ${code(fix.findingId)}: **${outcomeWords(fix.outcome)}** (started ${formatWhen(fix.startedAt)})`,
  ];
  fix.commands.forEach((command) => lines.push(`   - ${code(command)}`));
  fix.rechecks.forEach((recheck) =>
    lines.push(
      `   - ${code(recheck.checkId)}: ${statusWord(recheck.before)} → ${recheck.after ? statusWord(recheck.after) : 'not run again'}`,
    ),
  );
  return lines;
}

function checkRow(check: CheckResult): string {
  const target = checkTarget(check);
  const name = target ? `${cell(check.title)} (${code(target)})` : cell(check.title);
  const issuer = issuerOf(check);
  return `| ${statusWord(check.status)} | ${name} | ${code(check.reason)} | ${cell(check.detail)} | ${timingsText(check.timings)} | ${issuer ? cell(issuer) : ''} |`;
}

/** Only when the summary and findings alone are too long (they never should be): cut at a line. */
function cutToLimit(text: string, limit: number): string {
  const note = '\n\n_The rest of this report is cut to keep it under the forum limit; the HTML, PDF and JSON reports are complete._\n';
  const cut = text.lastIndexOf('\n', limit - note.length);
  return `${text.slice(0, Math.max(0, cut))}${note}`;
}
