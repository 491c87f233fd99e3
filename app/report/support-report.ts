// The one model every format of the support report is rendered from. Its JSON form is the
// `sync-doctor/report@1` document (what `sync-doctor check --json` prints) with the diagnosis, the fix
// attempts and a description of the system added, so a script reading report@1 can read it too.

import type { Report } from '../contract/check';
import type { Finding } from '../diagnosis/finding';
import type { FixAttempt } from './fix-attempt';

/** What the report was made on. Names of the computer and user are there only when the person chose to include them. */
export interface SystemSection {
  syncDoctorVersion: string;
  /** "Windows 11", "macOS 14 Sonoma", "Linux". */
  os: string;
  /** The kernel or build number the OS reports ("10.0.22631", "23.4.0"). */
  osVersion: string;
  arch: string;
  /** iTunes / Apple Devices edition, from the `service:edition` check when it ran and found one. */
  appleSoftware?: string;
  computerName?: string;
  userName?: string;
}

export interface SupportReport extends Report {
  /** Most likely first (app/diagnosis); empty when nothing was found or no diagnosis ran. */
  findings: Finding[];
  fixes: FixAttempt[];
  system: SystemSection;
  /** The error code the person was asked about (iTunes / Finder / Apple Devices), when given. */
  errorCode?: string;
  /** True when personal details are hidden (the default); proxy credentials are removed either way. */
  redacted: boolean;
}

/** The formats a person can save; the command line writes all but PDF. */
export const REPORT_FORMATS = ['pdf', 'html', 'md', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type TextReportFormat = Exclude<ReportFormat, 'pdf'>;

export const REPORT_FORMAT_NAMES: Record<ReportFormat, string> = {
  html: 'HTML',
  pdf: 'PDF',
  md: 'Markdown',
  json: 'JSON',
};

export const REPORT_FILE_EXTENSIONS: Record<ReportFormat, string> = { html: 'html', pdf: 'pdf', md: 'md', json: 'json' };
