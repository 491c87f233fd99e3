import { describe, expect, it } from 'vitest';
import type { InvokeChannel, ReportRequest, RequestOf } from '../../app/ipc/contract';
import { createApi } from './api';

describe('the preload API of the support report', () => {
  it('sends only the contract fields on the report channels, whatever the page passed', async () => {
    const sent: [InvokeChannel, unknown][] = [];
    const api = createApi({
      invoke: <C extends InvokeChannel>(channel: C, request: RequestOf<C>) => {
        sent.push([channel, request]);
        return Promise.resolve(undefined as never);
      },
      subscribe: () => () => undefined,
    });
    const sneaky = { runId: 'r', format: 'pdf', includePersonal: false, path: '/tmp/x' } as ReportRequest;
    await api.previewReport(sneaky);
    await api.saveReport({ ...sneaky, errorCode: '3194' });
    await api.copyReportForForum(sneaky);
    expect(sent).toEqual([
      ['report:preview', { runId: 'r', format: 'pdf', includePersonal: false }],
      ['report:save', { runId: 'r', format: 'pdf', includePersonal: false, errorCode: '3194' }],
      ['report:copy', { runId: 'r', includePersonal: false }],
    ]);
  });
});
