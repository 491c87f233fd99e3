import * as z from 'zod/mini';
import { FINDING_IDS, FIX_IDS, SYMPTOMS, type Finding } from '../diagnosis/finding';

// Findings cross IPC inside the finished report; validated like every other payload.
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

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const findingMatches: Same<z.infer<typeof findingSchema>, Finding> = true;
void findingMatches;
