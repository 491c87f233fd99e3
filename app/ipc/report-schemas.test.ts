import { describe, expect, it } from 'vitest';
import { requestSchemas, responseSchemas, validate } from './schemas';

describe('IPC schemas of the support report', () => {
  it('take a run, a format, the personal-details choice and an optional error code, nothing else', () => {
    expect(validate(requestSchemas['report:save'], { runId: 'r', format: 'pdf', includePersonal: false }).ok).toBe(true);
    expect(validate(requestSchemas['report:preview'], { runId: 'r', format: 'md', includePersonal: true, errorCode: '-54' }).ok).toBe(true);
    expect(validate(requestSchemas['report:copy'], { runId: 'r', includePersonal: false, errorCode: '0xE8000015' }).ok).toBe(true);
  });

  it.each([
    ['a file name', { runId: 'r', format: 'pdf', includePersonal: false, path: '/etc/passwd' }],
    ['an unknown format', { runId: 'r', format: 'docx', includePersonal: false }],
    ['a text that is not an error code', { runId: 'r', format: 'md', includePersonal: false, errorCode: 'see <b>this</b>' }],
    ['a missing choice', { runId: 'r', format: 'md' }],
  ])('refuse %s', (_what, request) => {
    expect(validate(requestSchemas['report:save'], request).ok).toBe(false);
  });

  it('check the preview tree element by element: no tag or attribute outside the report', () => {
    const preview = (body: unknown) => ({
      ok: true,
      format: 'html',
      preview: { kind: 'document', body, paper: false },
      hidden: [],
      marks: [],
    });
    const good = { tag: 'div', attrs: { class: 'sd-report' }, children: ['text', { tag: 'h1', children: ['Title'] }] };
    expect(validate(responseSchemas['report:preview'], preview(good)).ok).toBe(true);
    expect(validate(responseSchemas['report:preview'], preview({ ...good, children: [{ tag: 'script', children: ['x'] }] })).ok).toBe(
      false,
    );
    expect(validate(responseSchemas['report:preview'], preview({ tag: 'div', attrs: { onclick: 'x' }, children: [] })).ok).toBe(false);
  });
});
