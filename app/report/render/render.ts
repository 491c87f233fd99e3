import { assertNever } from '../../contract/check';
import type { SafeReport } from '../redact/redact-report';
import type { TextReportFormat } from '../support-report';
import { renderHtml } from './html-document';
import { renderJson } from './json';
import { markdownText, renderMarkdown } from './markdown';

/** The saved file's text for a format (PDF is the HTML printed, by the caller's browser engine). */
export function renderReportText(report: SafeReport, format: TextReportFormat): string {
  switch (format) {
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'json':
      return renderJson(report);
    default:
      return assertNever(format, 'report format');
  }
}

/** How a placeholder is written in a format's text, so a preview of that text can mark it. */
export function placeholderAsWritten(placeholder: string, format: TextReportFormat): string {
  switch (format) {
    case 'md':
      return markdownText(placeholder);
    case 'json':
      return JSON.stringify(placeholder).slice(1, -1);
    case 'html':
      return placeholder;
    default:
      return assertNever(format, 'report format');
  }
}
