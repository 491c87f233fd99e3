import { describe, expect, it, vi } from 'vitest';
import type { PreviewReportResponse, ReportRequest, SyncDoctorApi } from '../../app/ipc/contract';
import { createAppStore } from '../store/store';
import { finished, plannedServer, serverResult, started } from '../test-fixtures';
import { createReportActions } from './report-actions';

type ReportApi = Pick<SyncDoctorApi, 'previewReport' | 'saveReport' | 'copyReportForForum'>;

const gs = plannedServer('gs.apple.com');

function textPreview(text: string): PreviewReportResponse {
  return { ok: true, format: 'md', preview: { kind: 'text', text }, hidden: [], marks: [] };
}

function setup(api: Partial<ReportApi> = {}) {
  const store = createAppStore();
  const fake: ReportApi = {
    previewReport: vi.fn((request: ReportRequest) => Promise.resolve(textPreview(`preview of ${request.format}`))),
    saveReport: vi.fn(() => Promise.resolve({ outcome: 'saved' as const, fileName: 'sync-doctor-report-2026-11-25-0900.pdf' })),
    copyReportForForum: vi.fn(() => Promise.resolve({ outcome: 'copied' as const, characters: 12345 })),
    ...api,
  };
  const actions = createReportActions(store, fake);
  const finishRun = () => {
    store.getState().runStarting();
    store.getState().runEvent(started([gs]));
    store.getState().runEvent(finished([serverResult(gs)]));
  };
  return { store, api: fake, actions, finishRun };
}

describe('the report actions', () => {
  it('ask for nothing before a run has finished', async () => {
    const { api, actions } = setup();
    await actions.refreshReportPreview();
    await actions.saveReport();
    expect(api.previewReport).not.toHaveBeenCalled();
    expect(api.saveReport).not.toHaveBeenCalled();
  });

  it('preview the last finished run with the choices: PDF, personal details off, a valid error code only', async () => {
    const { store, api, actions, finishRun } = setup();
    finishRun();
    await actions.refreshReportPreview();
    expect(api.previewReport).toHaveBeenLastCalledWith({ runId: 'run-1', format: 'pdf', includePersonal: false });
    store.getState().reportChoicesChanged({ errorCode: ' 0xe8000015 ', format: 'md' });
    await actions.refreshReportPreview();
    expect(api.previewReport).toHaveBeenLastCalledWith({ runId: 'run-1', format: 'md', includePersonal: false, errorCode: '0xE8000015' });
    store.getState().reportChoicesChanged({ errorCode: 'whatever', includePersonal: true });
    await actions.refreshReportPreview();
    expect(api.previewReport).toHaveBeenLastCalledWith({ runId: 'run-1', format: 'md', includePersonal: true });
    expect(store.getState().supportReport.preview).toMatchObject({ status: 'ready', preview: { preview: { text: 'preview of md' } } });
  });

  it('drop an answer that arrives after newer choices were asked for', async () => {
    let answerFirst: (answer: PreviewReportResponse) => void = () => undefined;
    const first = new Promise<PreviewReportResponse>((resolve) => (answerFirst = resolve));
    const { store, actions, finishRun } = setup({
      previewReport: vi.fn((request: ReportRequest) => (request.format === 'pdf' ? first : Promise.resolve(textPreview('the JSON')))),
    });
    finishRun();
    const slow = actions.refreshReportPreview();
    store.getState().reportChoicesChanged({ format: 'json' });
    await actions.refreshReportPreview();
    answerFirst(textPreview('the old PDF'));
    await slow;
    expect(store.getState().supportReport.preview).toMatchObject({ status: 'ready', preview: { preview: { text: 'the JSON' } } });
  });

  it('say where the report was saved, say nothing when the dialog was cancelled, and say why it failed', async () => {
    const saveReport = vi
      .fn<ReportApi['saveReport']>()
      .mockResolvedValueOnce({ outcome: 'saved', fileName: 'sync-doctor-report-2026-11-25-0900.pdf' })
      .mockResolvedValueOnce({ outcome: 'cancelled' })
      .mockResolvedValueOnce({ outcome: 'failed', why: 'write-failed', message: 'Could not save x.pdf: EACCES' })
      .mockRejectedValueOnce(new Error('the window closed'));
    const { store, actions, finishRun } = setup({ saveReport });
    finishRun();
    await actions.saveReport();
    expect(store.getState().supportReport.task).toEqual({ status: 'done', message: 'Saved sync-doctor-report-2026-11-25-0900.pdf.' });
    await actions.saveReport();
    expect(store.getState().supportReport.task).toEqual({ status: 'idle' });
    await actions.saveReport();
    expect(store.getState().supportReport.task).toEqual({ status: 'failed', message: 'Could not save x.pdf: EACCES' });
    await actions.saveReport();
    expect(store.getState().supportReport.task).toEqual({ status: 'failed', message: 'The report could not be saved: the window closed' });
  });

  it('copy the Markdown for a forum post, whatever format is chosen', async () => {
    const { store, api, actions, finishRun } = setup();
    finishRun();
    store.getState().reportChoicesChanged({ format: 'json', includePersonal: true });
    await actions.copyReportForForum();
    expect(api.copyReportForForum).toHaveBeenCalledWith({ runId: 'run-1', includePersonal: true });
    expect(store.getState().supportReport.task).toEqual({
      status: 'done',
      message: 'Copied the report as Markdown (12,345 characters): paste it into your post or ticket.',
    });
  });

  it('do one thing at a time: a second click while saving does nothing', async () => {
    let finish: () => void = () => undefined;
    const saveReport = vi.fn(() => new Promise<{ outcome: 'cancelled' }>((resolve) => (finish = () => resolve({ outcome: 'cancelled' }))));
    const { actions, finishRun } = setup({ saveReport });
    finishRun();
    const first = actions.saveReport();
    await actions.saveReport();
    await actions.copyReportForForum();
    finish();
    await first;
    expect(saveReport).toHaveBeenCalledOnce();
  });
});
