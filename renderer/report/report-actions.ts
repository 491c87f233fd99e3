import { assertNever } from '../../app/contract/check';
import type { SyncDoctorApi } from '../../app/ipc/contract';
import type { AppStore } from '../store/store';
import { copyRequestOf, previewKey, reportableRunId, reportRequestOf } from './report-request';

/** The Report screen's side effects: the only report code that talks to window.syncDoctor. */
export interface ReportActions {
  /** Asks main for the preview of the current choices (an answer for older choices is dropped). */
  refreshReportPreview(): Promise<void>;
  saveReport(): Promise<void>;
  copyReportForForum(): Promise<void>;
}

type ReportApi = Pick<SyncDoctorApi, 'previewReport' | 'saveReport' | 'copyReportForForum'>;

export function createReportActions(store: AppStore, api: ReportApi): ReportActions {
  const current = () => {
    const state = store.getState();
    const runId = reportableRunId(state.run);
    return runId === undefined ? undefined : reportRequestOf(runId, state.supportReport.choices);
  };
  const busy = () => store.getState().supportReport.task.status === 'busy';
  return {
    async refreshReportPreview() {
      const request = current();
      if (!request) return;
      const key = previewKey(request);
      store.getState().reportPreviewRequested(key);
      try {
        store.getState().reportPreviewArrived(key, await api.previewReport(request));
      } catch (error) {
        store.getState().reportPreviewFailed(key, `The preview could not be made: ${(error as Error).message}`);
      }
    },
    async saveReport() {
      const request = current();
      if (!request || busy()) return;
      store.getState().reportTaskStarted('save');
      try {
        const answer = await api.saveReport(request);
        switch (answer.outcome) {
          case 'saved':
            store.getState().reportTaskEnded({ status: 'done', message: `Saved ${answer.fileName}.` });
            break;
          case 'cancelled':
            store.getState().reportTaskEnded({ status: 'idle' });
            break;
          case 'failed':
            store.getState().reportTaskEnded({ status: 'failed', message: answer.message });
            break;
          default:
            assertNever(answer, 'save outcome');
        }
      } catch (error) {
        store.getState().reportTaskEnded({ status: 'failed', message: `The report could not be saved: ${(error as Error).message}` });
      }
    },
    async copyReportForForum() {
      const request = current();
      if (!request || busy()) return;
      store.getState().reportTaskStarted('copy');
      try {
        const answer = await api.copyReportForForum(copyRequestOf(request.runId, store.getState().supportReport.choices));
        store.getState().reportTaskEnded(
          answer.outcome === 'copied'
            ? {
                status: 'done',
                message: `Copied the report as Markdown (${answer.characters.toLocaleString('en-US')} characters): paste it into your post or ticket.`,
              }
            : { status: 'failed', message: answer.message },
        );
      } catch (error) {
        store.getState().reportTaskEnded({ status: 'failed', message: `The report could not be copied: ${(error as Error).message}` });
      }
    },
  };
}
