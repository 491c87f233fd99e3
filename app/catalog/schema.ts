import * as z from 'zod/mini';

// The catalog is data (hosts go stale; users override it with --catalog), so it is validated
// like any other outside input. zod/mini keeps the CLI's start-up cost low.

const port = z.int().check(z.gte(1), z.lte(65535));
const text = z.string().check(z.minLength(1));
const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,62})';
/** A concrete host: no wildcard. */
const hostName = z
  .string()
  .check(z.maxLength(253), z.regex(new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`, 'i'), 'must be a host name (no "*")'));
/**
 * A host or a wildcard as Apple's list writes them: "*.mzstatic.com" (any name below), or one "*"
 * inside the first label ("gg*.apple.com"). Nothing else: more stars add nothing a person means,
 * and only cost time when names are matched against them.
 */
const hostPattern = z
  .string()
  .check(
    z.maxLength(253),
    z.regex(
      new RegExp(`^(?:\\*\\.|[a-z0-9_-]{0,62}\\*[a-z0-9_-]{0,62}\\.)?${LABEL}(?:\\.${LABEL})*\\.?$`, 'i'),
      'must be a host name, "*." and a host name ("*.example.com"), or a host name with one "*" in its first label ("gg*.example.com")',
    ),
  );

const serverEntrySchema = z.object({
  id: text,
  /** The name as the source lists it, possibly a wildcard ("*.mzstatic.com", "gg*.apple.com"). */
  pattern: hostPattern,
  /** The concrete host probed; required when the pattern is a wildcard and the entry is testable. */
  host: z.optional(hostName),
  purpose: text,
  ports: z.array(port).check(z.minLength(1)),
  /** Name of an issuer set, or a list of issuer names (exact O or CN, see isExpectedIssuer); absent: any trusted issuer is fine. */
  issuers: z.optional(z.union([text, z.array(text)])),
  http: z.optional(
    z.object({
      path: z.optional(z.string().check(z.regex(/^\//, 'must start with /'))),
      /** Statuses that mean "reachable" even though they look like errors (gs.apple.com: 404). */
      reachableStatuses: z.optional(z.array(z.int().check(z.gte(100), z.lte(599)))),
    }),
  ),
  /** Old names that may no longer resolve: "not resolvable" is a warning, not a failure. */
  legacy: z.optional(z.boolean()),
  /** Why this entry cannot be tested; present means it is reported, not probed. */
  untestable: z.optional(text),
  source: z.optional(text),
});

export const portEntrySchema = z.object({
  id: text,
  port,
  portEnd: z.optional(port),
  protocol: z.enum(['tcp', 'udp']),
  usedBy: text,
  /** Host to test an outbound connection to. */
  host: z.optional(hostName),
  /** For a range, which ports of it are tried. */
  samples: z.optional(z.array(port).check(z.minLength(1))),
  /** This port is checked elsewhere: by the server checks, the NTP check or the local checks. */
  covered: z.optional(z.enum(['servers', 'ntp', 'local'])),
  untestable: z.optional(text),
  source: z.optional(text),
});

export const processEntrySchema = z.object({
  id: text,
  role: text,
  importance: z.enum(['device', 'sync', 'sync-option', 'background']),
  windows: z.optional(z.array(text)),
  mac: z.optional(z.array(text)),
});

export const catalogSchema = z.object({
  schema: z.literal('sync-doctor/catalog@1'),
  version: text,
  updated: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-25')),
  source: text,
  issuerSets: z.optional(z.record(z.string(), z.array(text))),
  servers: z.array(serverEntrySchema),
  ports: z.array(portEntrySchema),
  ntp: z.optional(z.object({ host: hostName, purpose: text, maxOffsetMs: z.optional(z.int().check(z.gte(0))) })),
  processes: z.optional(z.array(processEntrySchema)),
});

export type Catalog = z.infer<typeof catalogSchema>;
export type ServerEntry = z.infer<typeof serverEntrySchema>;
export type PortEntry = z.infer<typeof portEntrySchema>;
export type ProcessEntry = z.infer<typeof processEntrySchema>;
