import type * as z from 'zod/mini';
import type { Report } from '../contract/check';
import { reportSchema } from '../ipc/schemas';

// What `sync-doctor report --from FILE` accepts: the JSON `sync-doctor check --json` prints,
// findings included when the diagnosis filled them. A file is outside input: checked field by
// field with the same schema the IPC contract uses (findings: app/ipc/finding-schema.ts).
export const savedReportSchema = reportSchema;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shapesMatch: Same<z.infer<typeof savedReportSchema>, Report> = true;
void shapesMatch;
