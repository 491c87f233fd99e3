import { useEffect, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { assertNever } from '../../app/contract/check';
import { MARKDOWN_LIMIT } from '../../app/report/render/markdown';
import { REPORT_FORMAT_NAMES, REPORT_FORMATS, type ReportFormat } from '../../app/report/support-report';
import { useActions, useAppStore } from '../store/context';
import { DocumentPreview } from './DocumentPreview';
import { hiddenSummary } from './marks';
import { errorCodeOf, reportableRunId } from './report-request';
import type { ReadyPreview } from './report-slice';
import { TextPreview } from './TextPreview';
import './report.css';

const FORMAT_HINTS: Record<ReportFormat, string> = {
  pdf: 'to attach to an e-mail or a support case',
  html: 'one file that opens in any browser',
  md: 'for a forum post or a ticket',
  json: 'for scripts and IT tools',
};

export function ReportScreen() {
  const runId = useAppStore((s) => reportableRunId(s.run));
  const running = useAppStore((s) => s.run.phase === 'running' || s.run.phase === 'starting' || s.run.phase === 'cancelling');
  return (
    <section className="screen report-screen" aria-labelledby="report-title">
      <h1 id="report-title">Support report</h1>
      <p className="muted">
        Everything a support person needs in one file: what was checked, what was found, what was tried. Save it for Apple Support or your
        IT desk, or copy it into a forum post.
      </p>
      {runId === undefined ? (
        <p className="empty">
          {running
            ? 'The check is still running: the report is made from its results when it finishes.'
            : 'Run a check first: the report is made from its results.'}
        </p>
      ) : (
        <ReportWorkspace runId={runId} />
      )}
    </section>
  );
}

function ReportWorkspace({ runId }: { runId: string }) {
  const { refreshReportPreview } = useActions();
  const choices = useAppStore(useShallow((s) => s.supportReport.choices));
  const code = errorCodeOf(choices.errorCode);
  const sentCode = code.kind === 'code' ? code.code : '';
  useEffect(() => {
    void refreshReportPreview();
  }, [refreshReportPreview, runId, choices.format, choices.includePersonal, sentCode]);
  return (
    <>
      <ReportChoicesForm />
      <ReportPreviewPanel />
    </>
  );
}

function ReportChoicesForm() {
  const { saveReport, copyReportForForum } = useActions();
  const choices = useAppStore(useShallow((s) => s.supportReport.choices));
  const task = useAppStore((s) => s.supportReport.task);
  const change = useAppStore((s) => s.reportChoicesChanged);
  const ids = { personal: useId(), personalHint: useId(), code: useId(), codeHint: useId() };
  const code = errorCodeOf(choices.errorCode);
  const busy = task.status === 'busy';
  return (
    <div className="report-choices">
      <fieldset className="report-formats">
        <legend>Format</legend>
        <div className="segmented">
          {REPORT_FORMATS.map((format) => (
            <label key={format} className="segment">
              <input
                type="radio"
                name="report-format"
                value={format}
                checked={choices.format === format}
                onChange={() => change({ format })}
              />
              <span>{REPORT_FORMAT_NAMES[format]}</span>
            </label>
          ))}
        </div>
        <p className="muted small">{`${REPORT_FORMAT_NAMES[choices.format]}: ${FORMAT_HINTS[choices.format]}.`}</p>
      </fieldset>

      <div className="report-option">
        <label className="switch" htmlFor={ids.personal}>
          <input
            id={ids.personal}
            type="checkbox"
            role="switch"
            checked={choices.includePersonal}
            aria-describedby={ids.personalHint}
            onChange={(event) => change({ includePersonal: event.currentTarget.checked })}
          />
          <span className="switch-track" aria-hidden="true" />
          <span>Include personal details</span>
        </label>
        <p id={ids.personalHint} className="muted small">
          {choices.includePersonal
            ? 'The computer and user names, device names, serial numbers and local addresses are in the report. Proxy passwords never are.'
            : 'Off: names of the user, computer and devices, serial numbers, e-mail, MAC and local addresses and Wi-Fi names are replaced by placeholders such as [user-1]. Proxy passwords are never included.'}
        </p>
      </div>

      <div className="report-option">
        <label htmlFor={ids.code}>Error code you saw (optional)</label>
        <input
          id={ids.code}
          className="text-input"
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={16}
          placeholder="e.g. 3194"
          value={choices.errorCode}
          aria-invalid={code.kind === 'invalid'}
          aria-describedby={ids.codeHint}
          onChange={(event) => change({ errorCode: event.currentTarget.value })}
        />
        <p id={ids.codeHint} className={code.kind === 'invalid' ? 'field-error small' : 'muted small'}>
          {code.kind === 'invalid'
            ? 'That is not an error code: it is left out. Codes look like 3194, -54 or 0xE8000015.'
            : 'The number iTunes, Finder or Apple Devices showed, if any.'}
        </p>
      </div>

      <div className="report-buttons">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void saveReport()}>
          {task.status === 'busy' && task.task === 'save' ? 'Saving…' : 'Save report…'}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void copyReportForForum()}>
          {task.status === 'busy' && task.task === 'copy' ? 'Copying…' : 'Copy for a forum post'}
        </button>
        <p className={`report-task ${task.status === 'failed' ? 'field-error' : 'muted'}`} role="status">
          {task.status === 'done' || task.status === 'failed' ? task.message : ''}
        </p>
      </div>
    </div>
  );
}

function ReportPreviewPanel() {
  const preview = useAppStore((s) => s.supportReport.preview);
  const includePersonal = useAppStore((s) => s.supportReport.choices.includePersonal);
  switch (preview.status) {
    case 'none':
      return null;
    case 'failed':
      return (
        <p className="report-preview-problem" role="alert">
          {preview.message}
        </p>
      );
    case 'loading':
      return preview.shown ? (
        <PreviewBody preview={preview.shown} includePersonal={includePersonal} stale />
      ) : (
        <p className="muted">Making the preview…</p>
      );
    case 'ready':
      return <PreviewBody preview={preview.preview} includePersonal={includePersonal} stale={false} />;
    default:
      return assertNever(preview, 'preview');
  }
}

function PreviewBody({ preview, includePersonal, stale }: { preview: ReadyPreview; includePersonal: boolean; stale: boolean }) {
  const summary = hiddenSummary(preview.hidden);
  const name = REPORT_FORMAT_NAMES[preview.format];
  return (
    <div className="report-preview" aria-busy={stale}>
      <div className="report-hidden" aria-live="polite">
        <h2>Preview</h2>
        <p className="small">
          {includePersonal
            ? summary.includes('proxy user names and passwords')
              ? 'Personal details are included. Proxy user names and passwords are still removed (marked).'
              : 'Personal details are included.'
            : summary.length > 0
              ? `Hidden and marked below: ${summary.join(', ')}.`
              : 'Nothing personal was found to hide.'}
        </p>
        <p className="muted small">{previewNote(preview)}</p>
      </div>
      {preview.preview.kind === 'document' ? (
        <DocumentPreview body={preview.preview.body} paper={preview.preview.paper} marks={preview.marks} label={`The ${name} report`} />
      ) : (
        <TextPreview text={preview.preview.text} marks={preview.marks} label={`The ${name} report`} />
      )}
    </div>
  );
}

function previewNote(preview: ReadyPreview): string {
  switch (preview.format) {
    case 'pdf':
      return 'Exactly as printed to PDF: light, with page numbers at the foot of each page.';
    case 'html':
      return 'Exactly as saved: one file with no scripts, which follows the light or dark setting of whoever opens it.';
    case 'md':
      return preview.preview.kind === 'text'
        ? `Exactly as saved or copied: ${preview.preview.text.length.toLocaleString('en-US')} characters (a forum post allows about ${MARKDOWN_LIMIT.toLocaleString('en-US')}).`
        : '';
    case 'json':
      return 'Exactly as saved: the sync-doctor/report@1 document with the findings, fixes and system added.';
    default:
      return assertNever(preview.format, 'format');
  }
}
