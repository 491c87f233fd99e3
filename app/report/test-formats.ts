import type { TextReportFormat } from './support-report';

/** Every format a test renders as text (PDF is the HTML printed, tested in the browser). */
export const TEXT_FORMATS_FOR_TESTS: readonly TextReportFormat[] = ['md', 'html', 'json'];
