import type { CheckResult, Report } from '../../app/contract/check';
import { engineOptionsFor } from './engine-options';
import { diagnose } from '../../app/diagnosis/diagnose';
import type { Finding } from '../../app/diagnosis/finding';
import type { FixAttempt } from '../../app/fixes/attempt';
import { loadCatalog } from '../engine/catalog-file';
import { runEngine, type EngineOptions } from '../engine/engine';
import { logAttempts } from '../fixes/attempt-log';
import type { Diagnose } from '../fixes/diagnose';
import type { FixEnvironment } from '../fixes/definition';
import { systemFixEnvironment } from '../fixes/environment';
import { attemptOf, planFixes, safeApply, type PlannedFix } from '../fixes/plan-fixes';
import { recheckIds } from '../fixes/preview';
import { mergeChecks, pick, rerunChecks, snapshotOf } from '../fixes/recheck';
import { hasAdminRights } from '../fixes/rights';
import { runCommand } from '../platform/exec';
import { systemOs, type SystemOs } from '../platform/system-os';
import type { FixCommand } from './fix-args';
import { describeOutcome, manualSteps, renderBeforeAfter, renderFinding, renderPreview } from './fix-output';
import { commandLine, EXIT, rightsMissing, type Context } from './fix-context';
import { runUndo } from './fix-undo';
import type { CliIo } from './main';
import { progressLine } from './progress';

export type { Diagnose };

export interface FixCliDeps {
  /** Replaces the report's findings and judges the re-check; default: the report's own, app/diagnosis. */
  diagnose?: Diagnose;
  os?: SystemOs;
  isElevated?: () => Promise<boolean>;
  environment?: (options: Parameters<typeof systemFixEnvironment>[0]) => FixEnvironment;
}

/**
 * `sync-doctor fix`: runs the check, then lists, previews, applies (--yes) or undoes the fixes
 * for one finding. Never reads standard input and never prompts; without the rights a fix needs
 * it says how to get them and exits 3 before changing anything. Never throws.
 */
export async function runFixCommand(args: FixCommand, io: CliIo, deps: FixCliDeps = {}): Promise<number> {
  try {
    return await fixCommand(args, io, deps);
  } catch (error) {
    io.stderr.write(`sync-doctor: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.usage;
  }
}

async function fixCommand(args: FixCommand, io: CliIo, deps: FixCliDeps): Promise<number> {
  const out = (lines: readonly string[]) => io.stdout.write(`${lines.join('\n')}\n`);
  const catalog = await loadCatalog(args.catalogFile);
  if (!catalog.ok) {
    io.stderr.write(`sync-doctor: ${catalog.message}\n`);
    return EXIT.usage;
  }
  const signal = io.signal ?? new AbortController().signal;
  const os = deps.os ?? systemOs();
  const elevated = await (deps.isElevated ?? (() => hasAdminRights(os, runCommand, process.env, signal)))();
  const engine: EngineOptions = engineOptionsFor(args, catalog, { ...io, signal });
  const environment = (checks: readonly CheckResult[]) =>
    (deps.environment ?? systemFixEnvironment)({
      catalog: catalog.catalog,
      checks,
      signal,
      elevated,
      os,
      ...(args.hostsFile !== undefined ? { hostsFile: args.hostsFile } : {}),
    });
  const judge = deps.diagnose ?? diagnose;
  const context: Context = { args, io, out, os, elevated, engine, diagnose: judge };

  if (args.action === 'undo') return runUndo(context, environment([]));

  const progress = args.json ? { onEvent: () => undefined, clear: () => undefined } : progressLine(io.stderr);
  const report = await runEngine(engine, (event) => progress.onEvent(event));
  progress.clear();
  if (report.cancelled) return EXIT.cancelled;
  const findings = deps.diagnose ? deps.diagnose(report.checks) : (report.findings ?? judge(report.checks));
  const env = environment(report.checks);
  if (args.action === 'list') return list(context, findings, env, report);
  const finding = findings.find((candidate) => candidate.id === args.findingId);
  if (!finding) {
    if (args.json) out([JSON.stringify({ findingId: args.findingId, found: false, attempts: [] }, null, 2)]);
    else out([`No ${args.findingId} on this computer now: nothing to fix.`]);
    return EXIT.passes;
  }
  const planned = await planFixes(finding, env, report.checks);
  return args.action === 'preview' ? preview(context, finding, planned) : apply(context, finding, planned, report, env);
}

async function list(context: Context, findings: readonly Finding[], env: FixEnvironment, report: Report): Promise<number> {
  const { out } = context;
  const entries: { finding: Finding; planned: PlannedFix[] }[] = [];
  for (const finding of findings) {
    const planned = await planFixes(finding, env, report.checks);
    if (planned.length > 0) entries.push({ finding, planned });
  }
  if (context.args.json) {
    out([
      JSON.stringify(
        {
          findings: entries.map(({ finding, planned }) => ({
            id: finding.id,
            title: finding.title,
            severity: finding.severity,
            fixes: planned.map((p) => p.preview),
          })),
        },
        null,
        2,
      ),
    ]);
    return EXIT.passes;
  }
  if (entries.length === 0) {
    out([
      findings.length === 0
        ? 'Nothing was found that needs fixing.'
        : 'Nothing found here has a fix Sync Doctor can make; `sync-doctor check` shows the steps to follow.',
    ]);
    return EXIT.passes;
  }
  const lines = ['Fixes for what was found on this computer:', ''];
  for (const { finding, planned } of entries) {
    lines.push(`${finding.id}  (${finding.severity}) ${finding.title}`);
    for (const { preview } of planned) {
      const notes = [preview.needsAdmin ? 'administrator' : '', preview.undoable ? 'can be undone' : ''].filter(Boolean).join(', ');
      lines.push(
        `  ${preview.fixId.padEnd(24)} ${preview.blocked ? `not now: ${preview.blocked}` : `${preview.title}${notes ? ` (${notes})` : ''}`}`,
      );
    }
  }
  lines.push('', 'See exactly what one changes: sync-doctor fix FINDING_ID    Apply it: sync-doctor fix FINDING_ID --yes');
  out(lines);
  return EXIT.passes;
}

function preview(context: Context, finding: Finding, planned: readonly PlannedFix[]): number {
  const { args, out } = context;
  if (args.json) {
    out([JSON.stringify({ findingId: finding.id, found: true, fixes: planned.map((p) => p.preview) }, null, 2)]);
    return EXIT.passes;
  }
  const lines = [...renderFinding(finding), ''];
  planned.forEach((p, index) => lines.push(...renderPreview(p.preview, index + 1, commandLine(args, '--undo')), ''));
  const steps = manualSteps(finding.steps, context.os);
  if (steps.length > 0) lines.push('What you can do yourself:', ...steps, '');
  const applicable = planned.some((p) => !p.preview.blocked);
  lines.push(
    applicable
      ? `Nothing was changed. To apply: ${commandLine(args, '--yes')}`
      : 'Nothing was changed; Sync Doctor has no fix to apply here for this.',
  );
  out(lines);
  return EXIT.passes;
}

async function apply(
  context: Context,
  finding: Finding,
  planned: readonly PlannedFix[],
  report: Report,
  env: FixEnvironment,
): Promise<number> {
  const { args, out } = context;
  const changes = planned.filter((p) => !p.fix.guidance);
  const chosen = changes.some((p) => !p.preview.blocked) ? changes : planned.filter((p) => p.fix.guidance || p.preview.blocked);
  if (!args.json) {
    const lines = [...renderFinding(finding), ''];
    chosen.forEach((p, index) => lines.push(...renderPreview(p.preview, index + 1, commandLine(args, '--undo')), ''));
    out(lines);
  }
  const blocked = rightsMissing(context, chosen);
  if (blocked !== undefined) return blocked;

  const results: { planned: PlannedFix; result: Awaited<ReturnType<typeof safeApply>>; startedAt: Date; finishedAt: Date }[] = [];
  let exit: number | undefined;
  for (const p of chosen) {
    const startedAt = new Date();
    const result = await safeApply(p.prepared);
    results.push({ planned: p, result, startedAt, finishedAt: new Date() });
    if (!args.json) out([`${p.preview.title}: ${describeOutcome(result.outcome)}${result.backup ? `. Backup: ${result.backup}` : ''}`]);
    const kind = result.outcome.kind;
    if (kind === 'cancelled') exit = context.engine.signal?.aborted ? EXIT.cancelled : EXIT.rights;
    else if (kind === 'needs-admin') exit = EXIT.rights;
    else if (kind === 'failed' || kind === 'changed-since-preview') exit = EXIT.stillFails;
    if (exit !== undefined) break;
  }

  const changed = results.filter(
    (r) => !r.planned.fix.guidance && (r.result.outcome.kind === 'applied' || r.result.outcome.kind === 'nothing-to-do'),
  );
  const ids =
    changed.length > 0
      ? recheckIds(
          changed.map((r) => r.planned.fix),
          finding,
          report.checks,
        )
      : [];
  const before = pick(report.checks, ids);
  const after = ids.length > 0 && exit === undefined ? await rerunChecks(context.engine, ids) : [];
  const attempts: FixAttempt[] = results.map((r) =>
    attemptOf(r.planned, 'apply', r.startedAt, r.finishedAt, r.result, before.map(snapshotOf), after.map(snapshotOf)),
  );
  const logProblem = await logAttempts(env.undo.dir, attempts);
  if (logProblem) context.io.stderr.write(`sync-doctor: ${logProblem}\n`);

  let passes = false;
  if (exit === undefined && after.length > 0) {
    const merged = mergeChecks(report.checks, after);
    passes = context.diagnose
      ? !context.diagnose(merged).some((f) => f.id === finding.id)
      : after.every((check) => check.status !== 'fail');
    exit = passes ? EXIT.passes : EXIT.stillFails;
  }
  if (exit === undefined) exit = EXIT.passes; // only pages opened or steps shown: the person acts next
  if (args.json) {
    out([JSON.stringify({ findingId: finding.id, found: true, attempts, passes: exit === EXIT.passes }, null, 2)]);
    return exit;
  }
  if (after.length > 0) {
    out([
      '',
      'Checked again:',
      ...renderBeforeAfter(before, after),
      '',
      passes ? `Fixed: ${finding.id} is gone.` : `${finding.id} is still there.`,
    ]);
  } else if (exit === EXIT.passes) {
    const steps = manualSteps(finding.steps, context.os);
    out(['', ...(steps.length ? ['What to do now:', ...steps] : []), 'When you have made the change, run: sync-doctor check']);
  }
  return exit;
}
