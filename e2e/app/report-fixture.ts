// The planted support report as the browser tests print and screenshot it (bundled into the harness).
import { prepareReport } from '../../app/report/prepare';
import { renderHtml } from '../../app/report/render/html-document';
import { largeReport, PLANTED, PLANTED_SECRETS, plantedFixes, plantedPersonalValues, plantedReport } from '../../app/report/test-fixtures';

export { PLANTED, PLANTED_SECRETS };
export { PRINT_HEADER_TEMPLATE, PRINT_MARGINS_MM, printFooterTemplate } from '../../app/report/print-settings';

/** The planted run's HTML report; `checks` makes it longer (the built-in catalog gives about 60). */
export function plantedReportHtml(options: { includePersonal?: boolean; checks?: number } = {}): string {
  const report = options.checks ? largeReport(options.checks) : plantedReport();
  const { report: safe } = prepareReport({
    report: options.checks ? { ...report, checks: [...plantedReport().checks, ...report.checks], summary: report.summary } : report,
    syncDoctorVersion: '0.1.0',
    fixes: plantedFixes(),
    errorCode: '3194',
    includePersonal: options.includePersonal ?? false,
    personal: plantedPersonalValues(),
    identity: { computerName: PLANTED.computer, userName: PLANTED.user },
  });
  return renderHtml(safe);
}
