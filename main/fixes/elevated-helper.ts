import { FIX_IDS, type FixId } from '../../app/diagnosis/finding';
import * as z from 'zod/mini';
import { commandRecordSchema, fixOutcomeSchema, validate } from '../../app/ipc/schemas';
import type { FixEnvironment, FixResult } from './definition';
import { fingerprintOf } from './preview';
import { safeApply, safePrepare } from './plan-fixes';
import { fixById } from './registry';

// The desktop app applies a fix that needs administrator rights by starting itself once more,
// elevated, with only a fix id and the preview's fingerprint: the elevated process plans the fix
// itself, refuses if the plan differs from the preview, applies it and prints one reply line. No
// text from the person or the page ever reaches the elevated command.

export const ELEVATED_FIX_FLAG = '--sync-doctor-elevated-fix';
const PLAN_FLAG = '--plan';
const REPLY_PREFIX = 'sync-doctor-fix-result: ';
const FINGERPRINT = /^[0-9a-f]{32}$/;

export interface ElevatedFixRequest {
  fixId: FixId;
  fingerprint: string;
}

/** The request in the process's arguments, if it was started as the helper; anything odd is no request. */
export function elevatedFixRequest(argv: readonly string[]): ElevatedFixRequest | undefined {
  const at = argv.indexOf(ELEVATED_FIX_FLAG);
  if (at < 0) return undefined;
  const fixId = argv[at + 1];
  const fingerprint = argv[at + 2] === PLAN_FLAG ? argv[at + 3] : undefined;
  if (!fixId || !(FIX_IDS as readonly string[]).includes(fixId) || !fingerprint || !FINGERPRINT.test(fingerprint)) return undefined;
  return { fixId: fixId as FixId, fingerprint };
}

/** The arguments that start the helper: the app itself (and its folder when not packaged). */
export function helperArguments(request: ElevatedFixRequest): string[] {
  return [ELEVATED_FIX_FLAG, request.fixId, PLAN_FLAG, request.fingerprint];
}

/** Plans, compares with the preview, applies; the reply line to print. Never throws. */
export async function runElevatedFix(request: ElevatedFixRequest, env: FixEnvironment): Promise<string> {
  const fix = fixById(request.fixId);
  const prepared = await safePrepare(fix, env);
  let result: FixResult;
  if (fingerprintOf(fix, prepared) !== request.fingerprint) {
    result = {
      outcome: { kind: 'changed-since-preview', why: 'This computer changed since the preview: look at the preview again.' },
      commands: [],
    };
  } else {
    result = await safeApply(prepared);
  }
  return `${REPLY_PREFIX}${JSON.stringify(result)}`;
}

const replySchema = z.object({ outcome: fixOutcomeSchema, commands: z.array(commandRecordSchema), backup: z.optional(z.string()) });

/** The helper's result out of its output, or undefined when it printed none (or garbage). */
export function parseElevatedReply(output: string): FixResult | undefined {
  const line = output.split(/\r?\n/).find((candidate) => candidate.startsWith(REPLY_PREFIX));
  if (!line) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(line.slice(REPLY_PREFIX.length));
  } catch {
    return undefined;
  }
  const reply = validate(replySchema, data);
  if (!reply.ok) return undefined;
  return {
    outcome: reply.value.outcome,
    commands: reply.value.commands.map((command) => ({ ...command, elevated: true })),
    ...(reply.value.backup ? { backup: reply.value.backup } : {}),
  };
}
