import * as z from 'zod/mini';
import { CHECK_KINDS, NETWORK_REASONS, SYSTEM_KINDS, type CheckResult, type RunEvent } from '../contract/check';
import { SYSTEM_CHECK_REASONS } from '../contract/system-reasons';
import { portEntrySchema, processEntrySchema } from '../catalog/schema';
import { FINDING_IDS, FIX_IDS } from '../diagnosis/finding';
import type { FixAttempt } from '../fixes/attempt';
import type { FixPreview } from '../fixes/preview';
import { findingSchema } from './finding-schema';
import { ERROR_CODE_MAX_LENGTH, normalizeErrorCode } from '../report/error-code';
import { HIDDEN_KINDS } from '../report/redact/placeholders';
import { HTML_TAGS, type HtmlElement } from '../report/render/html-tree';
import { REPORT_FORMATS } from '../report/support-report';
import type { EventChannel, EventChannels, InvokeChannel, PreviewReportResponse, RequestOf, ResponseOf } from './contract';
import { APP_LINK_URLS } from '../links';

// Every payload that crosses the process boundary is validated on arrival: requests in main,
// responses and events in the preload. The type assertions at the bottom keep these schemas and
// the TypeScript contract from drifting apart.

const text = z.string();
const count = z.number().check(z.gte(0));
const status = z.enum(['ok', 'warn', 'fail', 'skipped']);
const group = z.enum(['network', 'system']);
const kind = z.enum(CHECK_KINDS);
const protocol = z.enum(['tcp', 'udp']);
const layer = z.enum(['ok', 'warn', 'fail', 'not-run']);
const networkReason = z.enum(NETWORK_REASONS);
const systemReason = z.enum(SYSTEM_CHECK_REASONS);
const runId = z.string().check(z.minLength(1), z.maxLength(200));

const timings = z.object({
  dnsMs: z.optional(count),
  tcpMs: z.optional(count),
  tlsMs: z.optional(count),
  httpMs: z.optional(count),
  ntpMs: z.optional(count),
});

const base = {
  id: text,
  title: text,
  status,
  detail: text,
  timings,
  entryId: z.optional(text),
};

const serverCheck = z.object({
  ...base,
  kind: z.literal('server'),
  group: z.literal('network'),
  reason: networkReason,
  host: text,
  port: count,
  protocol: z.literal('tcp'),
  pattern: z.optional(text),
  purpose: text,
  layers: z.object({ dns: layer, tcp: layer, tls: z.union([layer, z.literal('not-applicable')]), http: layer }),
  dns: z.optional(z.object({ system: z.array(text), direct: z.array(text) })),
  tls: z.optional(z.object({ issuer: text, subject: text, validTo: text, trusted: z.boolean(), chain: z.array(text) })),
  http: z.optional(z.object({ status: count, server: z.optional(text), location: z.optional(text) })),
  via: z.optional(text),
});

const portCheck = z.object({
  ...base,
  kind: z.literal('port'),
  group: z.literal('network'),
  reason: networkReason,
  host: z.optional(text),
  port: count,
  protocol,
  purpose: text,
  sample: z.optional(text),
});

const ntpCheck = z.object({
  ...base,
  kind: z.literal('ntp'),
  group: z.literal('network'),
  reason: networkReason,
  host: text,
  port: z.literal(123),
  protocol: z.literal('udp'),
  offsetMs: z.optional(z.number()),
});

const systemCheck = z.object({
  ...base,
  kind: z.enum(SYSTEM_KINDS),
  group: z.literal('system'),
  reason: systemReason,
  host: z.optional(text),
  port: z.optional(count),
  protocol: z.optional(protocol),
  facts: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});

const checkResultSchema = z.discriminatedUnion('kind', [serverCheck, portCheck, ntpCheck, systemCheck]);

const plannedCheck = z.object({
  id: text,
  kind,
  group,
  title: text,
  host: z.optional(text),
  port: z.optional(count),
  protocol: z.optional(protocol),
  pattern: z.optional(text),
  purpose: z.optional(text),
  entryId: z.optional(text),
});

const reportHeader = z.object({
  schema: z.literal('sync-doctor/report@1'),
  startedAt: text,
  durationMs: count,
  cancelled: z.boolean(),
  catalog: z.object({ version: text, updated: text, source: text }),
  platform: z.object({ os: text, release: text, arch: text }),
  summary: z.object({ ok: count, warn: count, fail: count, skipped: count }),
  findings: z.optional(z.array(findingSchema)),
});

/** A run's report as `check --json` prints it: the header and every check. */
export const reportSchema = z.extend(reportHeader, { checks: z.array(checkResultSchema) });

export const runEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run-started'), runId, startedAt: text, planned: z.array(plannedCheck) }),
  z.object({ type: z.literal('check-started'), runId, checkId: text }),
  z.object({ type: z.literal('check-result'), runId, result: checkResultSchema }),
  z.object({ type: z.literal('run-finished'), runId, header: reportHeader }),
]);

const appInfo = z.object({
  name: text,
  version: text,
  platform: text,
  arch: text,
  catalog: z.object({
    version: text,
    updated: text,
    source: text,
    problem: z.optional(text),
    ports: z.array(portEntrySchema),
    processes: z.array(processEntrySchema),
  }),
});

const findingId = z.enum(FINDING_IDS);
const fixId = z.enum(FIX_IDS);
const argv = z.array(text);
const fixStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('command'), argv, purpose: text }),
  z.object({
    kind: z.literal('edit-file'),
    file: text,
    backup: text,
    changes: z.array(z.object({ line: count, before: text, after: z.optional(text) })),
    purpose: text,
  }),
  z.object({ kind: z.literal('open-settings'), page: text, argv, purpose: text }),
  z.object({ kind: z.literal('manual'), text }),
]);
const fixPreview = z.object({
  fixId,
  findingId,
  title: text,
  changes: text,
  steps: z.array(fixStep),
  needsAdmin: z.boolean(),
  undoable: z.boolean(),
  recheck: z.array(text),
  blocked: z.optional(text),
  fingerprint: text,
});
const fixOffer = z.object({
  findingId,
  fixId,
  title: text,
  changes: text,
  needsAdmin: z.boolean(),
  undoable: z.boolean(),
  guidance: z.boolean(),
});
export const fixOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('applied') }),
  z.object({ kind: z.literal('failed'), why: text }),
  z.object({ kind: z.literal('needs-admin'), why: text }),
  z.object({ kind: z.literal('cancelled') }),
  z.object({ kind: z.literal('changed-since-preview'), why: text }),
  z.object({ kind: z.literal('nothing-to-do'), why: text }),
]);
export const commandRecordSchema = z.object({ argv, exitCode: z.nullable(z.number()), output: text, elevated: z.boolean() });
const snapshot = z.object({ id: text, title: text, status, reason: text });
const fixAttempt = z.object({
  fixId,
  findingId,
  action: z.enum(['apply', 'undo']),
  startedAt: text,
  finishedAt: text,
  steps: z.array(fixStep),
  commands: z.array(commandRecordSchema),
  outcome: fixOutcomeSchema,
  backup: z.optional(text),
  before: z.array(snapshot),
  after: z.array(snapshot),
});
const refusal = z.object({
  ok: z.literal(false),
  why: z.enum(['no-run', 'stale', 'unknown', 'not-previewed', 'busy', 'internal']),
  message: text,
});
const fixRequest = z.strictObject({ runId, findingId, fixId });
const checkId = z.string().check(z.minLength(1), z.maxLength(300));
const reportFormat = z.enum(REPORT_FORMATS);
const errorCode = z.string().check(
  z.maxLength(ERROR_CODE_MAX_LENGTH),
  z.refine((value) => normalizeErrorCode(value) !== undefined, 'not an error code'),
);
const reportRequest = { runId, includePersonal: z.boolean(), errorCode: z.optional(errorCode) };

const htmlElement: z.ZodMiniType<HtmlElement> = z.object({
  tag: z.enum(HTML_TAGS),
  attrs: z.optional(z.strictObject({ class: z.optional(text), scope: z.optional(z.enum(['col', 'row'])), colspan: z.optional(count) })),
  get children() {
    return z.array(z.union([text, htmlElement]));
  },
});

const reportTrouble = { why: z.enum(['no-report', 'internal']), message: text };

const previewReportResponse = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    format: reportFormat,
    preview: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('document'), body: htmlElement, paper: z.boolean() }),
      z.object({ kind: z.literal('text'), text }),
    ]),
    hidden: z.array(z.object({ kind: z.enum(HIDDEN_KINDS), placeholder: text, count })),
    marks: z.array(z.object({ text, kind: z.enum(HIDDEN_KINDS) })),
  }),
  z.object({ ok: z.literal(false), ...reportTrouble }),
]);

export const requestSchemas = {
  'check:start': z.strictObject({ groups: z.array(group).check(z.minLength(1), z.maxLength(2)) }),
  'check:cancel': z.strictObject({ runId }),
  'app:info': z.null(),
  'link:open': z.strictObject({ url: z.enum(APP_LINK_URLS) }),
  'fix:list': z.strictObject({ runId }),
  'fix:preview': fixRequest,
  'fix:apply': fixRequest,
  'check:rerun': z.strictObject({ runId, checkIds: z.array(checkId).check(z.minLength(1), z.maxLength(500)) }),
  'report:preview': z.strictObject({ ...reportRequest, format: reportFormat }),
  'report:save': z.strictObject({ ...reportRequest, format: reportFormat }),
  'report:copy': z.strictObject(reportRequest),
} as const satisfies { [C in InvokeChannel]: z.ZodMiniType<RequestOf<C>> };

export const responseSchemas = {
  'check:start': z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), runId }),
    z.object({ ok: z.literal(false), why: z.enum(['busy', 'internal']), message: text }),
  ]),
  'check:cancel': z.object({ cancelled: z.boolean() }),
  'app:info': appInfo,
  'link:open': z.object({ opened: z.boolean() }),
  'fix:list': z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), offers: z.array(fixOffer) }), refusal]),
  'fix:preview': z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), preview: fixPreview }), refusal]),
  'fix:apply': z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), attempt: fixAttempt }), refusal]),
  'check:rerun': z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), results: z.array(checkResultSchema) }), refusal]),
  'report:preview': previewReportResponse,
  'report:save': z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('saved'), fileName: text }),
    z.object({ outcome: z.literal('cancelled') }),
    z.object({ outcome: z.literal('failed'), why: z.enum(['no-report', 'write-failed', 'internal']), message: text }),
  ]),
  'report:copy': z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('copied'), characters: count }),
    z.object({ outcome: z.literal('failed'), ...reportTrouble }),
  ]),
} as const satisfies { [C in InvokeChannel]: z.ZodMiniType<ResponseOf<C>> };

export const eventSchemas = {
  'check:event': runEventSchema,
} as const satisfies { [C in EventChannel]: z.ZodMiniType<EventChannels[C]> };

// Both directions: a field added to the contract but not to the schema (or the reverse) fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contractMatches: [
  Same<z.infer<typeof checkResultSchema>, CheckResult>,
  Same<z.infer<typeof runEventSchema>, RunEvent>,
  Same<z.infer<typeof fixPreview>, FixPreview>,
  Same<z.infer<typeof fixAttempt>, FixAttempt>,
  Same<z.infer<typeof previewReportResponse>, PreviewReportResponse>,
] = [true, true, true, true, true];
void contractMatches;

type ValidationOutcome<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Parses with a schema and says in one line what was wrong, for logs. */
export function validate<S extends z.ZodMiniType>(schema: S, data: unknown): ValidationOutcome<z.infer<S>> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 0 ? first.path.map(String).join('.') : '(payload)';
  return { ok: false, problem: `${where}: ${first?.message ?? 'invalid'}` };
}
