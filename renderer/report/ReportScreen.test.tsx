import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PreviewReportResponse } from '../../app/ipc/contract';
import { renderApp } from '../test-render';
import { finished, plannedServer, serverResult, started } from '../test-fixtures';

const gs = plannedServer('gs.apple.com');

function finishRun(store: ReturnType<typeof renderApp>['store']) {
  act(() => {
    store.getState().runStarting();
    store.getState().runEvent(started([gs]));
    store.getState().runEvent(finished([serverResult(gs)]));
  });
}

/** The app after a finished run, on the Report screen. */
async function reportAfterRun() {
  const user = userEvent.setup();
  const app = renderApp();
  finishRun(app.store);
  await user.click(screen.getByRole('button', { name: 'Report' }));
  return { user, ...app };
}

function arrive(store: ReturnType<typeof renderApp>['store'], answer: PreviewReportResponse) {
  act(() => {
    const preview = store.getState().supportReport.preview;
    const key = preview.status === 'none' ? 'k' : preview.key;
    if (preview.status === 'none') store.getState().reportPreviewRequested(key);
    store.getState().reportPreviewArrived(key, answer);
  });
}

describe('the Report screen', () => {
  it('is in the sections, and asks for a run before there is anything to report', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'Report' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Support report' })).toBeInTheDocument();
    expect(screen.getByText('Run a check first: the report is made from its results.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save report…' })).not.toBeInTheDocument();
  });

  it('after a run: personal details off by default, a preview asked for, Save and Copy wired', async () => {
    const { user, store, actions } = await reportAfterRun();
    const personal = screen.getByRole('switch', { name: 'Include personal details' });
    expect(personal).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'PDF' })).toBeChecked();
    expect(actions.refreshReportPreview).toHaveBeenCalled();

    await user.click(personal);
    expect(store.getState().supportReport.choices.includePersonal).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'Markdown' }));
    expect(store.getState().supportReport.choices.format).toBe('md');
    await user.click(screen.getByRole('button', { name: 'Save report…' }));
    await user.click(screen.getByRole('button', { name: 'Copy for a forum post' }));
    expect(actions.saveReport).toHaveBeenCalledOnce();
    expect(actions.copyReportForForum).toHaveBeenCalledOnce();
  });

  it('says an error code it cannot use is left out', async () => {
    const { user } = await reportAfterRun();
    const field = screen.getByRole('textbox', { name: 'Error code you saw (optional)' });
    await user.type(field, 'help');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/That is not an error code: it is left out/)).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, '3194');
    expect(field).toHaveAttribute('aria-invalid', 'false');
  });

  it('shows the text exactly as saved, with what was hidden marked and named', async () => {
    const { store } = await reportAfterRun();
    arrive(store, {
      ok: true,
      format: 'md',
      preview: { kind: 'text', text: '## Sync Doctor support report\nrun on [computer-1] by [user-1], proxy http://[credentials]@host' },
      hidden: [
        { kind: 'computer-name', placeholder: '[computer-1]', count: 1 },
        { kind: 'user-name', placeholder: '[user-1]', count: 2 },
        { kind: 'proxy-credentials', placeholder: '[credentials]', count: 1 },
      ],
      marks: [
        { text: '[computer-1]', kind: 'computer-name' },
        { text: '[user-1]', kind: 'user-name' },
        { text: '[credentials]', kind: 'proxy-credentials' },
      ],
    });
    expect(screen.getByText('Hidden and marked below: 1 user name, 1 computer name, proxy user names and passwords.')).toBeInTheDocument();
    const text = screen.getByLabelText('The Markdown report');
    expect(text.textContent).toBe('## Sync Doctor support report\nrun on [computer-1] by [user-1], proxy http://[credentials]@host');
    const marks = within(text).getAllByTitle(/^Hidden: /);
    expect(marks.map((mark) => [mark.textContent, mark.title])).toEqual([
      ['[computer-1]', 'Hidden: computer name'],
      ['[user-1]', 'Hidden: user name'],
      ['[credentials]', 'Hidden: proxy password'],
    ]);
  });

  it('shows the HTML and PDF as the report document itself, in its own shadow root', async () => {
    const { store } = await reportAfterRun();
    arrive(store, {
      ok: true,
      format: 'pdf',
      preview: {
        kind: 'document',
        paper: true,
        body: {
          tag: 'div',
          attrs: { class: 'sd-report' },
          children: [
            { tag: 'h1', children: ['Sync Doctor support report'] },
            { tag: 'p', children: ['on [computer-1]'] },
          ],
        },
      },
      hidden: [{ kind: 'computer-name', placeholder: '[computer-1]', count: 1 }],
      marks: [{ text: '[computer-1]', kind: 'computer-name' }],
    });
    const host = screen.getByRole('document', { name: 'The PDF report' });
    const root = host.shadowRoot;
    expect(root?.querySelector('.sd-report')?.className).toBe('sd-report sd-paper');
    expect(root?.querySelector('h1')?.textContent).toBe('Sync Doctor support report');
    expect(root?.querySelector('mark.sd-hidden')?.getAttribute('title')).toBe('Hidden: computer name');
  });
});
