// The report's only stylesheet: inlined into the saved HTML, adopted by the app's preview. Light
// on paper always; dark on screen when the system is dark (never when printing, and never in the
// preview of a PDF, marked .sd-paper).

export const REPORT_CSS = `
@page { margin: 14mm 12mm 16mm; }
html { background: #ffffff; }
body { margin: 0; }
@media screen and (prefers-color-scheme: dark) { html { background: #1c1c1e; } }
.sd-report {
  --sd-bg: #ffffff; --sd-panel: #f4f4f7; --sd-text: #1d1d1f; --sd-muted: #5a5a62; --sd-line: #d8d8de; --sd-code: #eeeef3;
  --sd-ok: #1d7a36; --sd-ok-bg: #e3f3e7; --sd-warn: #8a5300; --sd-warn-bg: #fcefd6;
  --sd-fail: #b3261e; --sd-fail-bg: #fbe5e3; --sd-neutral: #55555c; --sd-neutral-bg: #ebebf0;
  color-scheme: light;
  background: var(--sd-bg);
  color: var(--sd-text);
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  max-width: 1100px;
  margin: 0 auto;
  padding: 28px 32px 36px;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
@media screen and (prefers-color-scheme: dark) {
  .sd-report:not(.sd-paper) {
    --sd-bg: #1c1c1e; --sd-panel: #2a2a2e; --sd-text: #f2f2f5; --sd-muted: #b4b4bc; --sd-line: #45454c; --sd-code: #34343a;
    --sd-ok: #7ad795; --sd-ok-bg: #1f3a27; --sd-warn: #f2c06b; --sd-warn-bg: #3f3220;
    --sd-fail: #ff8d84; --sd-fail-bg: #4a2523; --sd-neutral: #c4c4cc; --sd-neutral-bg: #3a3a40;
    color-scheme: dark;
  }
}
.sd-report * { box-sizing: border-box; }
.sd-report h1 { font-size: 24px; line-height: 1.2; margin: 0 0 4px; }
.sd-report h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--sd-line); break-after: avoid; page-break-after: avoid; }
.sd-report h3 { font-size: 15px; margin: 0 0 6px; }
.sd-report p { margin: 0 0 6px; }
.sd-report code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace; font-size: 0.9em; background: var(--sd-code); padding: 0 4px; border-radius: 4px; overflow-wrap: anywhere; }
.sd-lede { color: var(--sd-muted); }
.sd-privacy { margin: 10px 0 0; padding: 8px 12px; border-radius: 6px; background: var(--sd-panel); border-left: 4px solid var(--sd-ok); }
.sd-privacy-included { border-left-color: var(--sd-warn); }
.sd-facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 0; }
.sd-facts div { display: contents; }
.sd-facts dt { color: var(--sd-muted); }
.sd-facts dd { margin: 0; overflow-wrap: anywhere; }
.sd-card { border: 1px solid var(--sd-line); border-left: 5px solid var(--sd-neutral); border-radius: 8px; padding: 12px 14px; margin: 0 0 12px; background: var(--sd-bg); break-inside: avoid; page-break-inside: avoid; }
.sd-card-ok { border-left-color: var(--sd-ok); }
.sd-card-warn { border-left-color: var(--sd-warn); }
.sd-card-fail { border-left-color: var(--sd-fail); }
.sd-meta, .sd-evidence { color: var(--sd-muted); font-size: 13px; }
.sd-evidence { margin: 6px 0 0; }
.sd-steps, .sd-list, .sd-commands { margin: 6px 0 0; padding-left: 22px; }
.sd-steps li, .sd-list li, .sd-commands li { margin: 2px 0; }
.sd-badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; background: var(--sd-neutral-bg); color: var(--sd-neutral); }
.sd-badge.sd-ok { background: var(--sd-ok-bg); color: var(--sd-ok); }
.sd-badge.sd-warn { background: var(--sd-warn-bg); color: var(--sd-warn); }
.sd-badge.sd-fail { background: var(--sd-fail-bg); color: var(--sd-fail); }
.sd-checks { width: 100%; border-collapse: collapse; font-size: 12.5px; table-layout: fixed; }
.sd-checks thead { display: table-header-group; }
.sd-checks tr { break-inside: avoid; page-break-inside: avoid; }
.sd-checks th, .sd-checks td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--sd-line); overflow-wrap: anywhere; }
.sd-checks thead th { background: var(--sd-panel); font-weight: 600; }
.sd-checks thead th:nth-child(1) { width: 84px; }
.sd-checks thead th:nth-child(2) { width: 27%; }
.sd-checks thead th:nth-child(4) { width: 104px; }
.sd-checks tbody th { font-weight: 600; }
.sd-target, .sd-reason, .sd-issuer, .sd-timing { display: block; font-weight: 400; }
.sd-target, .sd-issuer { color: var(--sd-muted); font-size: 12px; }
.sd-reason { margin-top: 3px; }
.sd-issuer { margin-top: 3px; }
.sd-timing { white-space: nowrap; }
.sd-num { font-variant-numeric: tabular-nums; }
.sd-foot { margin-top: 28px; color: var(--sd-muted); font-size: 12px; }
@media print {
  .sd-report { max-width: none; padding: 0; font-size: 10.5pt; }
  .sd-checks { font-size: 8.5pt; }
  .sd-target, .sd-issuer { font-size: 8pt; }
}
`;
