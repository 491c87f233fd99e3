import type { StateCreator } from 'zustand';
import type { PreviewReportResponse } from '../../app/ipc/contract';
import type { ReportFormat } from '../../app/report/support-report';

/** What the person chose on the Report screen. Personal details are off until they turn them on. */
export interface ReportChoices {
  format: ReportFormat;
  includePersonal: boolean;
  /** As typed; sent only when it is an error code. */
  errorCode: string;
}

export type ReadyPreview = Extract<PreviewReportResponse, { ok: true }>;

/** The preview for the choices of `key`; a newer key makes an older answer stale. */
export type PreviewState =
  | { status: 'none' }
  | { status: 'loading'; key: string; shown: ReadyPreview | undefined }
  | { status: 'ready'; key: string; preview: ReadyPreview }
  | { status: 'failed'; key: string; message: string };

export type ReportTask =
  | { status: 'idle' }
  | { status: 'busy'; task: 'save' | 'copy' }
  | { status: 'done'; message: string }
  | { status: 'failed'; message: string };

export interface SupportReportState {
  choices: ReportChoices;
  preview: PreviewState;
  task: ReportTask;
}

export interface ReportSlice {
  supportReport: SupportReportState;
  reportChoicesChanged(patch: Partial<ReportChoices>): void;
  reportPreviewRequested(key: string): void;
  reportPreviewArrived(key: string, answer: PreviewReportResponse): void;
  reportPreviewFailed(key: string, message: string): void;
  reportTaskStarted(task: 'save' | 'copy'): void;
  reportTaskEnded(outcome: ReportTask): void;
}

const initial: SupportReportState = {
  choices: { format: 'pdf', includePersonal: false, errorCode: '' },
  preview: { status: 'none' },
  task: { status: 'idle' },
};

/** What is on screen while a new preview loads: the last one, so the page does not flash empty. */
function shownPreview(preview: PreviewState): ReadyPreview | undefined {
  if (preview.status === 'ready') return preview.preview;
  if (preview.status === 'loading') return preview.shown;
  return undefined;
}

export const createReportSlice: StateCreator<ReportSlice, [], [], ReportSlice> = (set) => ({
  supportReport: initial,
  reportChoicesChanged: (patch) =>
    set(({ supportReport }) => ({
      supportReport: { ...supportReport, choices: { ...supportReport.choices, ...patch }, task: { status: 'idle' } },
    })),
  reportPreviewRequested: (key) =>
    set(({ supportReport }) => ({
      supportReport: { ...supportReport, preview: { status: 'loading', key, shown: shownPreview(supportReport.preview) } },
    })),
  reportPreviewArrived: (key, answer) =>
    set(({ supportReport }) => {
      if (supportReport.preview.status === 'none' || supportReport.preview.key !== key) return { supportReport };
      const preview: PreviewState = answer.ok
        ? { status: 'ready', key, preview: answer }
        : { status: 'failed', key, message: answer.message };
      return { supportReport: { ...supportReport, preview } };
    }),
  reportPreviewFailed: (key, message) =>
    set(({ supportReport }) =>
      supportReport.preview.status !== 'none' && supportReport.preview.key === key
        ? { supportReport: { ...supportReport, preview: { status: 'failed', key, message } } }
        : { supportReport },
    ),
  reportTaskStarted: (task) => set(({ supportReport }) => ({ supportReport: { ...supportReport, task: { status: 'busy', task } } })),
  reportTaskEnded: (outcome) => set(({ supportReport }) => ({ supportReport: { ...supportReport, task: outcome } })),
});
