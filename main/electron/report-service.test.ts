import { describe, expect, it, vi } from 'vitest';
import { builtinCatalog } from '../../app/catalog/builtin';
import type { ReportRequest } from '../../app/ipc/contract';
import { validate, responseSchemas } from '../../app/ipc/schemas';
import { PLANTED, PLANTED_SECRETS, plantedFixes, plantedPersonalValues, plantedReport } from '../../app/report/test-fixtures';
import { ReportService, suggestedFileName, type ReportServiceDeps } from './report-service';

const RUN = 'run-7';

function service(overrides: Partial<ReportServiceDeps> = {}) {
  const written: { file: string; data: string | Uint8Array }[] = [];
  const clipboard: string[] = [];
  const printed: string[] = [];
  const deps: ReportServiceDeps = {
    finishedReport: (runId) => (runId === RUN ? plantedReport() : undefined),
    fixAttempts: () => plantedFixes(),
    gatherPersonal: vi.fn(() =>
      Promise.resolve({ values: plantedPersonalValues(), identity: { computerName: PLANTED.computer, userName: PLANTED.user } }),
    ),
    catalog: () => Promise.resolve(builtinCatalog()),
    appVersion: '0.1.0',
    chooseSavePath: vi.fn((name: string) => Promise.resolve(`/home/someone/Documents/${name}`)),
    writeFile: (file, data) => {
      written.push({ file, data });
      return Promise.resolve();
    },
    writeClipboard: (text) => clipboard.push(text),
    printToPdf: (html) => {
      printed.push(html);
      return Promise.resolve(new TextEncoder().encode('%PDF-1.7 stand-in'));
    },
    paper: 'A4',
    log: () => undefined,
    ...overrides,
  };
  return { reports: new ReportService(deps), deps, written, clipboard, printed };
}

const request = (patch: Partial<ReportRequest> = {}): ReportRequest => ({ runId: RUN, format: 'md', includePersonal: false, ...patch });
const leaks = (text: string) => PLANTED_SECRETS.filter((secret) => text.toLowerCase().includes(secret.toLowerCase()));

describe('the desktop report service', () => {
  it('previews Markdown and JSON as their text, with the placeholders to mark as they are written', async () => {
    const { reports } = service();
    const markdown = await reports.preview(request());
    expect(validate(responseSchemas['report:preview'], markdown).ok).toBe(true);
    if (!markdown.ok || markdown.preview.kind !== 'text') throw new Error('expected a text preview');
    expect(leaks(markdown.preview.text)).toEqual([]);
    expect(markdown.marks).toContainEqual({ text: '\\~', kind: 'home-folder' });
    expect(markdown.marks).toContainEqual({ text: '[computer-1]', kind: 'computer-name' });
    expect(markdown.hidden.map((item) => item.kind)).toEqual(expect.arrayContaining(['computer-name', 'proxy-credentials', 'ip-address']));

    const json = await reports.preview(request({ format: 'json' }));
    if (!json.ok || json.preview.kind !== 'text') throw new Error('expected a text preview');
    expect(JSON.parse(json.preview.text)).toMatchObject({ redacted: true, fixes: [{ fixId: 'remove-hosts-redirects' }] });
  });

  it('previews HTML and PDF as the body the file will hold, the PDF on paper', async () => {
    const { reports } = service();
    const html = await reports.preview(request({ format: 'html' }));
    const pdf = await reports.preview(request({ format: 'pdf' }));
    expect(validate(responseSchemas['report:preview'], pdf).ok).toBe(true);
    expect(html.ok && html.preview.kind === 'document' && html.preview.paper).toBe(false);
    expect(pdf.ok && pdf.preview.kind === 'document' && pdf.preview.paper).toBe(true);
    expect(leaks(JSON.stringify(pdf))).toEqual([]);
  });

  it('includes the computer name when asked, and never the proxy password', async () => {
    const { reports } = service();
    const preview = await reports.preview(request({ includePersonal: true, errorCode: '0xe8000015' }));
    if (!preview.ok || preview.preview.kind !== 'text') throw new Error('expected a text preview');
    expect(preview.preview.text).toContain(PLANTED.computer);
    expect(preview.preview.text).toContain('**Error code:** 0xE8000015');
    expect(preview.preview.text).not.toContain(PLANTED.proxyPassword);
  });

  it('says when the run is not the last one finished', async () => {
    const { reports } = service();
    expect(await reports.preview(request({ runId: 'old' }))).toMatchObject({ ok: false, why: 'no-report' });
    expect(await reports.save(request({ runId: 'old' }))).toMatchObject({ outcome: 'failed', why: 'no-report' });
    expect(await reports.copy({ runId: 'old', includePersonal: false })).toMatchObject({ outcome: 'failed', why: 'no-report' });
  });

  it('saves where the person chose in the Save dialog; the PDF is the report HTML printed', async () => {
    const { reports, deps, written, printed } = service();
    expect(await reports.save(request({ format: 'pdf' }))).toEqual({
      outcome: 'saved',
      fileName: 'sync-doctor-report-2026-12-02-0953.pdf',
    });
    expect(deps.chooseSavePath).toHaveBeenCalledWith('sync-doctor-report-2026-12-02-0953.pdf', 'pdf');
    expect(written).toEqual([
      { file: '/home/someone/Documents/sync-doctor-report-2026-12-02-0953.pdf', data: new TextEncoder().encode('%PDF-1.7 stand-in') },
    ]);
    expect(printed[0]).toMatch(/^<!doctype html>/);
    expect(leaks(printed[0] ?? '')).toEqual([]);

    await reports.save(request({ format: 'html' }));
    expect(written[1]?.data).toBe(printed[0]);
  });

  it('writes nothing when the dialog is cancelled, and says why a write failed', async () => {
    const cancelled = service({ chooseSavePath: () => Promise.resolve(undefined) });
    expect(await cancelled.reports.save(request())).toEqual({ outcome: 'cancelled' });
    expect(cancelled.written).toEqual([]);

    const readOnly = service({ writeFile: () => Promise.reject(new Error('EACCES: permission denied')) });
    expect(await readOnly.reports.save(request())).toEqual({
      outcome: 'failed',
      why: 'write-failed',
      message: 'Could not save sync-doctor-report-2026-12-02-0953.md: EACCES: permission denied',
    });
  });

  it('puts the Markdown on the clipboard for a forum post', async () => {
    const { reports, clipboard } = service();
    const copied = await reports.copy({ runId: RUN, includePersonal: false });
    expect(copied).toEqual({ outcome: 'copied', characters: clipboard[0]?.length });
    expect(clipboard[0]).toMatch(/^## Sync Doctor support report/);
    expect(leaks(clipboard[0] ?? '')).toEqual([]);
  });

  it('asks the system for personal values once per run, not at every preview', async () => {
    const { reports, deps } = service();
    await reports.preview(request());
    await reports.preview(request({ format: 'html' }));
    await reports.copy({ runId: RUN, includePersonal: true });
    expect(deps.gatherPersonal).toHaveBeenCalledOnce();
  });

  it('reports a failure to print as a failure, not a crash', async () => {
    const { reports, written } = service({ printToPdf: () => Promise.reject(new Error('printing took too long')) });
    expect(await reports.save(request({ format: 'pdf' }))).toEqual({
      outcome: 'failed',
      why: 'internal',
      message: 'The report could not be made: printing took too long',
    });
    expect(written).toEqual([]);
  });
});

describe('suggestedFileName', () => {
  it('names the file after when the check ran', () => {
    expect(suggestedFileName('2026-12-02T09:53:47.120Z', 'json')).toBe('sync-doctor-report-2026-12-02-0953.json');
    expect(suggestedFileName('garbage', 'md')).toBe('sync-doctor-report-latest.md');
  });
});
