// THE redaction: every format of the support report is rendered from what this returns, and the
// renderers accept nothing else (SafeReport can only come from here).

import { builtinCatalog } from '../../catalog/builtin';
import type { Catalog } from '../../catalog/schema';
import type { SupportReport } from '../support-report';
import { findPersonalValues, mergePersonalValues, type KeyedText } from './find-personal';
import { kindOfKey } from './patterns';
import { noPersonalValues, type PersonalValues } from './personal-values';
import { PlaceholderBook, type HiddenItem } from './placeholders';
import { createTextRedactor, type TextRedactor } from './text-redactor';

export interface RedactionContext {
  /** What the main process gathered from this computer (nothing, for a report read from a file made elsewhere). */
  personal: PersonalValues;
  /** The person's choice; off by default. Proxy credentials are removed either way. */
  includePersonal: boolean;
  /** The catalog the run used: its hosts are never hidden. The built-in one when absent. */
  catalog?: Catalog;
}

declare const redacted: unique symbol;
/** A support report that has been through redactReport: the only thing the renderers take. */
export type SafeReport = SupportReport & { readonly [redacted]: true };

export interface RedactionResult {
  report: SafeReport;
  /** Each placeholder put in, its kind and how often: what the preview marks. Never the values. */
  hidden: HiddenItem[];
}

/** Codes and enums: never personal, never changed (a reason or a status must read the same after). */
const CODE_KEYS = new Set([
  'schema',
  'kind',
  'group',
  'status',
  'reason',
  'severity',
  'confidence',
  'outcome',
  'protocol',
  'symptoms',
  'errorCodes',
  'errorCode',
  'fixId',
  'findingId',
  'before',
  'after',
  'fixes',
  'dns',
  'tcp',
  'tls',
  'http',
  'startedAt',
  'validTo',
]);

export function redactReport(draft: SupportReport, context: RedactionContext): RedactionResult {
  const source = context.includePersonal ? draft : withoutIdentity(draft);
  const found = context.includePersonal ? noPersonalValues() : findPersonalValues(textsOf(source));
  const book = new PlaceholderBook();
  const redactText = createTextRedactor(
    {
      includePersonal: context.includePersonal,
      known: mergePersonalValues(context.personal, found),
      keep: keptValues(source, context.catalog ?? builtinCatalog()),
    },
    book,
  );
  const report = mapStrings(source, undefined, redactText) as SupportReport;
  report.redacted = !context.includePersonal;
  return { report: report as SafeReport, hidden: book.hidden() };
}

function withoutIdentity(draft: SupportReport): SupportReport {
  const { computerName: _computer, userName: _user, ...system } = draft.system;
  return { ...draft, system };
}

/** Every string of the report with the key it sits under (codes left out). */
function* textsOf(value: unknown, key?: string): Generator<KeyedText> {
  if (typeof value === 'string') {
    if (key === undefined || !CODE_KEYS.has(key)) yield { key, text: value };
  } else if (Array.isArray(value)) {
    for (const item of value) yield* textsOf(item, key);
  } else if (typeof value === 'object' && value !== null) {
    for (const [childKey, child] of Object.entries(value)) yield* textsOf(child, childKey);
  }
}

/** A copy with every string passed through `redact`, except codes; numbers under a personal key become text. */
function mapStrings(value: unknown, key: string | undefined, redact: TextRedactor): unknown {
  if (typeof value === 'string') return key !== undefined && CODE_KEYS.has(key) ? value : redact(value, key);
  if (typeof value === 'number' && kindOfKey(key) !== undefined) {
    const asText = String(value);
    const redactedText = redact(asText, key);
    return redactedText === asText ? value : redactedText;
  }
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, key, redact));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [childKey, child] of Object.entries(value)) copy[childKey] = mapStrings(child, childKey, redact);
    return copy;
  }
  return value;
}

/** Catalog hosts, what they resolved to, issuers, products named by findings: the diagnosis. */
function keptValues(report: SupportReport, catalog: Catalog): string[] {
  const kept: string[] = [];
  const add = (value: string | undefined) => {
    if (value === undefined || value === '') return;
    kept.push(value);
    // "*.mzstatic.com" is also kept as "mzstatic.com"; "gg*.apple.com" as "apple.com".
    const star = value.lastIndexOf('*');
    if (star >= 0 && value.slice(star + 1).startsWith('.')) kept.push(value.slice(star + 2));
  };
  for (const server of catalog.servers) {
    add(server.pattern);
    add(server.host);
    const issuers = server.issuers;
    if (Array.isArray(issuers)) issuers.forEach(add);
  }
  for (const port of catalog.ports) add(port.host);
  add(catalog.ntp?.host);
  for (const names of Object.values(catalog.issuerSets ?? {})) names.forEach(add);
  for (const check of report.checks) {
    if (check.kind !== 'server' && check.kind !== 'port' && check.kind !== 'ntp') continue;
    add(check.host);
    if (check.kind === 'server') {
      add(check.pattern);
      check.dns?.system.forEach(add);
      check.dns?.direct.forEach(add);
      add(check.tls?.issuer);
      add(check.tls?.subject);
      check.tls?.chain.forEach(add);
    }
  }
  for (const finding of report.findings) {
    finding.subject.hosts?.forEach(add);
    finding.subject.issuers?.forEach(add);
    finding.subject.products?.forEach(add);
  }
  return kept;
}
