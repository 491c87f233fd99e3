import * as z from 'zod/mini';
import { FINDING_IDS, type FindingId } from '../diagnosis/finding';

// Error codes are versioned data like the catalog: what a code means, which causes can produce it
// (findings this app can detect, or causes off this computer), and which checks decide between them.

export const OTHER_CAUSE_IDS = [
  'apple-not-signing',
  'apple-servers-busy',
  'hardware',
  'usb-connection',
  'device-software',
  'still-downloading',
  'device-locked',
  'file-permissions',
  'library-content',
] as const;
export type OtherCauseId = (typeof OTHER_CAUSE_IDS)[number];
export type CauseId = FindingId | OtherCauseId;

/** "3194", "-54", "0xE8000015": decimal (possibly negative) or hex with upper-case digits. */
export const CODE_PATTERN = /^(-?[0-9]{1,10}|0x[0-9A-F]{1,8})$/;

const text = z.string().check(z.minLength(1));
const code = z.string().check(z.regex(CODE_PATTERN, 'must be a decimal or 0x-hex error code'));
const confidence = z.enum(['high', 'medium', 'low']);
/** A check id, or a prefix ending in "*" ("server:gs.apple.com:*"). */
const checkPattern = z.string().check(z.regex(/^[a-z]+:[^\s*]*\*?$/, 'must be a check id or a prefix ending in *'));

const causeSchema = z.object({
  id: z.enum([...FINDING_IDS, ...OTHER_CAUSE_IDS]),
  confidence,
  detail: text,
  checks: z.optional(z.array(checkPattern).check(z.minLength(1))),
});

const entrySchema = z.object({
  codes: z.optional(z.array(code)),
  ranges: z.optional(z.array(z.tuple([z.int(), z.int()]))),
  title: text,
  meaning: text,
  causes: z.array(causeSchema).check(z.minLength(1)),
  whenChecksPass: text,
  source: text,
});

export const errorCodesSchema = z.object({
  schema: z.literal('sync-doctor/error-codes@1'),
  version: text,
  updated: text,
  otherCauses: z.record(z.enum(OTHER_CAUSE_IDS), text),
  entries: z.array(entrySchema).check(z.minLength(1)),
});

export type ErrorCodes = z.infer<typeof errorCodesSchema>;
export type ErrorCodeEntry = ErrorCodes['entries'][number];
export type ErrorCause = ErrorCodeEntry['causes'][number];
