import type { CheckResult, CheckStatus } from '../../contract/check';
import type { Finding, FindingSeverity } from '../../diagnosis/finding';
import type { FixAttempt, FixOutcome } from '../fix-attempt';
import type { SafeReport } from '../redact/redact-report';
import { el, type HtmlElement, type HtmlNode } from './html-tree';
import { stepsFor } from './steps';
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

type Tone = 'ok' | 'warn' | 'fail' | 'neutral';

const STATUS_TONE: Record<CheckStatus, Tone> = { ok: 'ok', warn: 'warn', fail: 'fail', skipped: 'neutral' };
const SEVERITY_TONE: Record<FindingSeverity, Tone> = { fail: 'fail', warn: 'warn', info: 'neutral' };
const OUTCOME_TONE: Record<FixOutcome, Tone> = {
  fixed: 'ok',
  'still-failing': 'fail',
  failed: 'fail',
  cancelled: 'neutral',
  'needs-admin': 'warn',
};

function badge(tone: Tone, text: string): HtmlElement {
  return el('span', { class: `sd-badge sd-${tone}` }, text);
}

function codes(values: readonly string[]): HtmlNode[] {
  return values.flatMap((value, index) => (index === 0 ? [el('code', undefined, value)] : [', ', el('code', undefined, value)]));
}

/** The report's body: what the saved HTML (and so the PDF) holds inside <body>, and what the preview shows. */
export function buildHtmlBody(report: SafeReport): HtmlElement {
  return el(
    'div',
    { class: 'sd-report' },
    el(
      'header',
      { class: 'sd-head' },
      el('h1', undefined, REPORT_TITLE),
      el('p', { class: 'sd-lede' }, `${formatWhen(report.startedAt)} · ${report.system.os} · ${summaryWords(report.summary)}`),
      el('p', { class: `sd-privacy ${report.redacted ? 'sd-privacy-hidden' : 'sd-privacy-included'}` }, privacyWords(report)),
    ),
    el(
      'section',
      { class: 'sd-section' },
      el('h2', undefined, 'Summary'),
      el(
        'dl',
        { class: 'sd-facts' },
        ...summaryFacts(report).map(([name, value]) => el('div', undefined, el('dt', undefined, name), el('dd', undefined, value))),
      ),
    ),
    findingsSection(report),
    report.fixes.length > 0 && el('section', { class: 'sd-section' }, el('h2', undefined, 'Fixes tried'), ...report.fixes.map(fixCard)),
    checksSection(report),
    el('footer', { class: 'sd-foot' }, `Made by Sync Doctor ${report.system.syncDoctorVersion} · schema ${report.schema}`),
  );
}

function findingsSection(report: SafeReport): HtmlElement {
  if (report.findings.length === 0) {
    const notPassed = checksNotPassed(report);
    return el(
      'section',
      { class: 'sd-section' },
      el('h2', undefined, 'Findings'),
      el('p', undefined, noFindingWords(report)),
      notPassed.length > 0 &&
        el(
          'ul',
          { class: 'sd-list' },
          ...notPassed.map((check) =>
            el(
              'li',
              undefined,
              badge(STATUS_TONE[check.status], statusWord(check.status)),
              ' ',
              el('strong', undefined, check.title),
              `: ${check.detail}`,
            ),
          ),
        ),
    );
  }
  return el(
    'section',
    { class: 'sd-section' },
    el('h2', undefined, 'Findings'),
    ...report.findings.map((finding) => findingCard(finding, report)),
  );
}

function findingCard(finding: Finding, report: SafeReport): HtmlElement {
  const steps = stepsFor(finding, report.platform.os);
  return el(
    'article',
    { class: `sd-card sd-card-${SEVERITY_TONE[finding.severity]}` },
    el('h3', undefined, finding.title),
    el(
      'p',
      { class: 'sd-meta' },
      badge(SEVERITY_TONE[finding.severity], severityWord(finding.severity)),
      ` ${confidenceWords(finding.confidence)}`,
      finding.errorCodes.length > 0 && ' · error codes ',
      ...(finding.errorCodes.length > 0 ? codes(finding.errorCodes) : []),
    ),
    el('p', undefined, finding.detail),
    steps.length > 0 && el('ol', { class: 'sd-steps' }, ...steps.map((step) => el('li', undefined, step))),
    finding.checks.length > 0 && el('p', { class: 'sd-evidence' }, 'Evidence: ', ...codes(finding.checks)),
    finding.fixes.length > 0 && el('p', { class: 'sd-evidence' }, 'Fixes: ', ...codes(finding.fixes)),
  );
}

function fixCard(fix: FixAttempt): HtmlElement {
  return el(
    'article',
    { class: `sd-card sd-card-${OUTCOME_TONE[fix.outcome]}` },
    el('h3', undefined, el('code', undefined, fix.fixId), ' for ', el('code', undefined, fix.findingId)),
    el('p', { class: 'sd-meta' }, badge(OUTCOME_TONE[fix.outcome], outcomeWords(fix.outcome)), ` started ${formatWhen(fix.startedAt)}`),
    fix.commands.length > 0 &&
      el('ul', { class: 'sd-commands' }, ...fix.commands.map((command) => el('li', undefined, el('code', undefined, command)))),
    fix.rechecks.length > 0 &&
      el(
        'ul',
        { class: 'sd-list' },
        ...fix.rechecks.map((recheck) =>
          el(
            'li',
            undefined,
            el('code', undefined, recheck.checkId),
            `: ${statusWord(recheck.before)} → ${recheck.after ? statusWord(recheck.after) : 'not run again'}`,
          ),
        ),
      ),
  );
}

function checksSection(report: SafeReport): HtmlElement {
  return el(
    'section',
    { class: 'sd-section' },
    el('h2', undefined, `All ${report.checks.length} checks`),
    el(
      'table',
      { class: 'sd-checks' },
      el(
        'thead',
        undefined,
        el('tr', undefined, ...['Status', 'Check and reason', 'Detail', 'Timings'].map((name) => el('th', { scope: 'col' }, name))),
      ),
      el('tbody', undefined, ...report.checks.map(checkRow)),
    ),
  );
}

function checkRow(check: CheckResult): HtmlElement {
  const target = checkTarget(check);
  const issuer = issuerOf(check);
  const timings = timingsText(check.timings);
  return el(
    'tr',
    { class: `sd-row-${STATUS_TONE[check.status]}` },
    el('td', undefined, badge(STATUS_TONE[check.status], statusWord(check.status))),
    el(
      'th',
      { scope: 'row' },
      check.title,
      target && el('span', { class: 'sd-target' }, target),
      el('span', { class: 'sd-reason' }, el('code', undefined, check.reason)),
    ),
    el('td', undefined, check.detail, issuer && el('span', { class: 'sd-issuer' }, `Certificate issuer: ${issuer}`)),
    el('td', { class: 'sd-num' }, ...timingLines(timings)),
  );
}

/** "DNS 41 · TCP 12 ms" as one line per layer, so the column can stay narrow. */
function timingLines(timings: string): HtmlNode[] {
  if (timings === '') return [];
  const layers = timings.replace(/ ms$/, '').split(' · ');
  return layers.map((layer) => el('span', { class: 'sd-timing' }, `${layer} ms`));
}
