import * as z from 'zod/mini';
import { CHECK_KINDS, NETWORK_REASONS, type CheckResult, type RunEvent } from '../contract/check';
import { portEntrySchema, processEntrySchema } from '../catalog/schema';
import type { EventChannel, EventChannels, InvokeChannel, RequestOf, ResponseOf } from './contract';
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
  kind: z.enum(['process', 'service', 'listener', 'hosts', 'proxy', 'firewall', 'clock']),
  group: z.literal('system'),
  reason: text,
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
});

const report = z.object({
  schema: z.literal('sync-doctor/report@1'),
  startedAt: text,
  durationMs: count,
  cancelled: z.boolean(),
  catalog: z.object({ version: text, updated: text, source: text }),
  platform: z.object({ os: text, release: text, arch: text }),
  summary: z.object({ ok: count, warn: count, fail: count, skipped: count }),
  checks: z.array(checkResultSchema),
});

export const runEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run-started'), runId, startedAt: text, planned: z.array(plannedCheck) }),
  z.object({ type: z.literal('check-started'), runId, checkId: text }),
  z.object({ type: z.literal('check-result'), runId, result: checkResultSchema }),
  z.object({ type: z.literal('run-finished'), runId, report }),
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

export const requestSchemas = {
  'check:start': z.strictObject({ groups: z.array(group).check(z.minLength(1), z.maxLength(2)) }),
  'check:cancel': z.strictObject({ runId }),
  'app:info': z.null(),
  'link:open': z.strictObject({ url: z.enum(APP_LINK_URLS) }),
} as const satisfies { [C in InvokeChannel]: z.ZodMiniType<RequestOf<C>> };

export const responseSchemas = {
  'check:start': z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), runId }),
    z.object({ ok: z.literal(false), why: z.enum(['busy', 'internal']), message: text }),
  ]),
  'check:cancel': z.object({ cancelled: z.boolean() }),
  'app:info': appInfo,
  'link:open': z.object({ opened: z.boolean() }),
} as const satisfies { [C in InvokeChannel]: z.ZodMiniType<ResponseOf<C>> };

export const eventSchemas = {
  'check:event': runEventSchema,
} as const satisfies { [C in EventChannel]: z.ZodMiniType<EventChannels[C]> };

// Both directions: a field added to the contract but not to the schema (or the reverse) fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contractMatches: [Same<z.infer<typeof checkResultSchema>, CheckResult>, Same<z.infer<typeof runEventSchema>, RunEvent>] = [
  true,
  true,
];
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
