import * as z from 'zod/mini';
import type { Report } from '../contract/check';
import { FINDING_IDS, FIX_IDS, SYMPTOMS, type Finding } from '../diagnosis/finding';
import { reportSchema } from '../ipc/schemas';

// What `sync-doctor report --from FILE` accepts: the JSON `sync-doctor check --json` prints,
// findings included when the diagnosis filled them. A file is outside input: checked field by field.

const text = z.string();

export const findingSchema = z.object({
  id: z.enum(FINDING_IDS),
  severity: z.enum(['fail', 'warn', 'info']),
  title: text,
  detail: text,
  confidence: z.enum(['high', 'medium', 'low']),
  checks: z.array(text),
  errorCodes: z.array(text),
  symptoms: z.array(z.enum(SYMPTOMS)),
  fixes: z.array(z.enum(FIX_IDS)),
  steps: z.object({ windows: z.array(text), mac: z.array(text) }),
  subject: z.object({
    hosts: z.optional(z.array(text)),
    ports: z.optional(z.array(z.number())),
    issuers: z.optional(z.array(text)),
    products: z.optional(z.array(text)),
  }),
});

export const savedReportSchema = z.extend(reportSchema, { findings: z.optional(z.array(findingSchema)) });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shapesMatch: [Same<z.infer<typeof findingSchema>, Finding>, Same<z.infer<typeof savedReportSchema>, Report>] = [true, true];
void shapesMatch;
