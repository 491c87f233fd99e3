import type { SafeReport } from '../redact/redact-report';
import { buildHtmlBody } from './html-body';
import { escapeHtml, serializeHtml } from './html-tree';
import { REPORT_CSS } from './style';
import { REPORT_TITLE } from './words';

/**
 * One self-contained HTML file: inline CSS, no scripts, nothing from the network (its own CSP
 * says so to the browser that opens it). The PDF is this file printed.
 */
export function renderHtml(report: SafeReport): string {
  const title = `${REPORT_TITLE} – ${report.startedAt.slice(0, 10)}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="color-scheme" content="light dark">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Sync Doctor ${escapeHtml(report.system.syncDoctorVersion)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    serializeHtml([buildHtmlBody(report)]),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
