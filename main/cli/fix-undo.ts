import type { FixAttempt } from '../../app/fixes/attempt';
import { logAttempts } from '../fixes/attempt-log';
import type { FixEnvironment } from '../fixes/definition';
import { attemptOf, planFixes, safeApply } from '../fixes/plan-fixes';
import { rerunChecks, snapshotOf } from '../fixes/recheck';
import { commandLine, EXIT, rightsMissing, type Context } from './fix-context';
import { describeOutcome, renderBeforeAfter, renderPreview } from './fix-output';

/**
 * `sync-doctor fix FINDING_ID --undo`: puts back what the last fix for that finding changed, from
 * the undo records, where it can be undone; the affected checks run before and after.
 */
export async function runUndo(context: Context, env: FixEnvironment): Promise<number> {
  const { args, out } = context;
  const planned = await planFixes({ id: args.findingId!, fixes: [], checks: [] }, env, [], 'undo');
  const ready = planned.filter((p) => !p.preview.blocked);
  if (ready.length === 0) {
    const reasons = planned.map((p) => `${p.preview.title}: ${p.preview.blocked}`);
    const failed = planned.some((p) => p.preview.blocked && !/no record/.test(p.preview.blocked));
    out(reasons.length > 0 ? reasons : [`Nothing Sync Doctor does for ${args.findingId} can be undone.`]);
    return failed ? EXIT.stillFails : EXIT.passes;
  }
  if (!args.json) {
    const lines: string[] = [];
    ready.forEach((p, index) => lines.push(...renderPreview(p.preview, index + 1, commandLine(args, '--undo')), ''));
    out(lines);
  }
  const blocked = rightsMissing(context, ready);
  if (blocked !== undefined) return blocked;
  const attempts: FixAttempt[] = [];
  let exit: number = EXIT.passes;
  for (const p of ready) {
    const ids = [...p.fix.recheck];
    const before = ids.length ? await rerunChecks(context.engine, ids) : [];
    const startedAt = new Date();
    const result = await safeApply(p.prepared);
    const finishedAt = new Date();
    const after = ids.length && result.outcome.kind === 'applied' ? await rerunChecks(context.engine, ids) : [];
    attempts.push(attemptOf(p, 'undo', startedAt, finishedAt, result, before.map(snapshotOf), after.map(snapshotOf)));
    if (!args.json)
      out([`Undo ${p.preview.title}: ${describeOutcome(result.outcome)}`, ...(after.length ? renderBeforeAfter(before, after) : [])]);
    if (result.outcome.kind === 'needs-admin' || result.outcome.kind === 'cancelled') exit = EXIT.rights;
    else if (result.outcome.kind !== 'applied') exit = EXIT.stillFails;
    if (exit !== EXIT.passes) break;
  }
  const logProblem = await logAttempts(env.undo.dir, attempts);
  if (logProblem) context.io.stderr.write(`sync-doctor: ${logProblem}\n`);
  if (args.json) out([JSON.stringify({ findingId: args.findingId, attempts }, null, 2)]);
  return exit;
}
