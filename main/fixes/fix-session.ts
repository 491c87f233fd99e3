import type { CheckResult, RunEvent } from '../../app/contract/check';
import { RunResults } from '../../app/contract/run-results';
import type { Finding, FindingId, FixId } from '../../app/diagnosis/finding';
import type { FixAttempt } from '../../app/fixes/attempt';
import type { FixOffer } from '../../app/fixes/preview';
import type { FixApplyResponse, FixListResponse, FixPreviewResponse, FixRefusal, RerunChecksResponse } from '../../app/ipc/contract';
import type { FixDefinition, FixEnvironment, FixResult } from './definition';
import type { Diagnose } from './diagnose';
import { fingerprintOf, previewOf, recheckIds } from './preview';
import { attemptOf, safeApply, safePrepare, type PlannedFix } from './plan-fixes';
import { mergeChecks, pick, snapshotOf } from './recheck';
import { fixesFor } from './registry';

/** Runs one fix elevated (the desktop's one prompt per fix); see elevation.ts. */
export type ElevatedApply = (fixId: FixId, fingerprint: string) => Promise<FixResult>;

interface FixSessionDeps {
  /** The fix environment for the checks of the run (the desktop: this computer). */
  environment: (checks: readonly CheckResult[]) => FixEnvironment;
  /** Whether this process already holds administrator rights. */
  isElevated: () => Promise<boolean>;
  /** Applies a fix with rights this process lacks; absent where no elevation is possible. */
  elevate?: ElevatedApply;
  /** Runs these checks again, as the run did. */
  rerun: (ids: readonly string[]) => Promise<CheckResult[]>;
  /** Used when run-finished's header carries no findings of its own. */
  diagnose?: Diagnose;
  /** Records attempts (the attempt log); never throws. */
  record?: (attempts: readonly FixAttempt[]) => Promise<void>;
}

interface CurrentRun {
  runId: string;
  /** Undefined while the run is still going. */
  checks?: CheckResult[];
  findings: Finding[];
  /** What main offered, by "findingId fixId": the only fixes the renderer may name. */
  offers: Map<string, { finding: Finding; fix: FixDefinition }>;
  previews: Map<string, PlannedFix>;
}

const key = (findingId: FindingId, fixId: FixId) => `${findingId} ${fixId}`;
const refuse = (why: FixRefusal['why'], message: string): FixRefusal => ({ ok: false, why, message });

/**
 * The desktop's fixes for the current run. Main decides which fixes exist for which finding;
 * the renderer names one only by the ids main offered for this run, and gets a refusal for any
 * other pair, for an older run, or for a fix it has not previewed. No command text ever comes
 * from the renderer: every step is planned here. Free of Electron, so it is tested directly.
 */
export class FixSession {
  private current: CurrentRun | undefined;
  private readonly results = new RunResults();
  private applying = false;
  private readonly done: FixAttempt[] = [];

  constructor(private readonly deps: FixSessionDeps) {}

  /**
   * Follows the runs: a new run makes every earlier offer stale. The results come from the run's
   * check-result events (their one copy) and the findings from run-finished's header.
   */
  observe(event: RunEvent): void {
    this.results.observe(event);
    if (event.type === 'run-started') {
      this.current = { runId: event.runId, findings: [], offers: new Map(), previews: new Map() };
    } else if (event.type === 'run-finished' && event.runId === this.current?.runId) {
      const checks = this.results.inPlanOrder();
      const findings = event.header.findings ?? this.deps.diagnose?.(checks) ?? [];
      const os = this.deps.environment([]).os;
      const offers = new Map<string, { finding: Finding; fix: FixDefinition }>();
      for (const finding of findings) for (const fix of fixesFor(finding, os)) offers.set(key(finding.id, fix.id), { finding, fix });
      this.current = { runId: event.runId, checks, findings, offers, previews: new Map() };
    }
  }

  /** Every attempt made in this session, oldest first (for the support report). */
  get attempts(): readonly FixAttempt[] {
    return this.done;
  }

  list(runId: string): FixListResponse {
    const run = this.runFor(runId);
    if ('ok' in run) return run;
    const offers: FixOffer[] = [...run.offers.values()].map(({ finding, fix }) => ({
      findingId: finding.id,
      fixId: fix.id,
      title: fix.title,
      changes: fix.changes,
      needsAdmin: fix.needsAdmin(this.deps.environment([]).os),
      undoable: fix.undoable,
      guidance: fix.guidance,
    }));
    return { ok: true, offers };
  }

  async preview(request: { runId: string; findingId: FindingId; fixId: FixId }): Promise<FixPreviewResponse> {
    const run = this.runFor(request.runId);
    if ('ok' in run) return run;
    const offer = run.offers.get(key(request.findingId, request.fixId));
    if (!offer) return refuse('unknown', `"${request.fixId}" is not a fix offered for "${request.findingId}" in this run.`);
    const env = this.deps.environment(run.checks ?? []);
    const prepared = await safePrepare(offer.fix, env);
    const preview = previewOf(offer.fix, offer.finding, prepared, recheckIds([offer.fix], offer.finding, run.checks ?? []));
    run.previews.set(key(request.findingId, request.fixId), { fix: offer.fix, prepared, preview });
    return { ok: true, preview };
  }

  async apply(request: { runId: string; findingId: FindingId; fixId: FixId }): Promise<FixApplyResponse> {
    const run = this.runFor(request.runId);
    if ('ok' in run) return run;
    if (!run.offers.has(key(request.findingId, request.fixId))) {
      return refuse('unknown', `"${request.fixId}" is not a fix offered for "${request.findingId}" in this run.`);
    }
    const shown = run.previews.get(key(request.findingId, request.fixId));
    if (!shown) return refuse('not-previewed', 'Show the preview of this fix before applying it.');
    if (this.applying) return refuse('busy', 'Another fix is being applied; wait for it to finish.');
    this.applying = true;
    try {
      return { ok: true, attempt: await this.applyShown(run, shown) };
    } catch (error) {
      return refuse('internal', `The fix could not be applied: ${(error as Error).message}`);
    } finally {
      this.applying = false;
    }
  }

  async rerun(request: { runId: string; checkIds: readonly string[] }): Promise<RerunChecksResponse> {
    const run = this.runFor(request.runId);
    if ('ok' in run) return run;
    const known = new Set((run.checks ?? []).map((check) => check.id));
    const unknown = request.checkIds.find((id) => !known.has(id));
    if (unknown !== undefined) return refuse('unknown', `"${unknown.slice(0, 100)}" is not a check of this run.`);
    const results = await this.deps.rerun([...new Set(request.checkIds)]);
    run.checks = mergeChecks(run.checks ?? [], results);
    return { ok: true, results };
  }

  /** The current finished run, if `runId` names it; else the refusal to send. */
  private runFor(runId: string): CurrentRun | FixRefusal {
    if (!this.current) return refuse('no-run', 'No check has run yet.');
    if (this.current.runId !== runId) return refuse('stale', 'That run is over: a newer check has started since.');
    if (!this.current.checks) return refuse('no-run', 'The check is still running.');
    return this.current;
  }

  private async applyShown(run: CurrentRun, shown: PlannedFix): Promise<FixAttempt> {
    const startedAt = new Date();
    const env = this.deps.environment(run.checks ?? []);
    // Planned again now: if it would no longer do what the preview showed, nothing runs.
    const fresh = await safePrepare(shown.fix, env);
    let result: FixResult;
    if (fingerprintOf(shown.fix, fresh) !== shown.preview.fingerprint) {
      result = {
        outcome: { kind: 'changed-since-preview', why: 'This computer changed since the preview: look at the preview again.' },
        commands: [],
      };
    } else if (fresh.blocked || !fresh.needsAdmin || (await this.deps.isElevated())) {
      result = await safeApply(fresh);
    } else if (this.deps.elevate) {
      result = await this.deps.elevate(shown.fix.id, shown.preview.fingerprint);
    } else {
      result = { outcome: { kind: 'needs-admin', why: 'administrator rights are needed and cannot be asked for here' }, commands: [] };
    }
    const ids = shown.preview.recheck;
    const before = pick(run.checks ?? [], ids);
    const changed = result.outcome.kind === 'applied' && !shown.fix.guidance;
    const after = changed && ids.length > 0 ? await this.deps.rerun(ids) : [];
    if (after.length > 0) run.checks = mergeChecks(run.checks ?? [], after);
    const attempt = attemptOf(shown, 'apply', startedAt, new Date(), result, before.map(snapshotOf), after.map(snapshotOf));
    this.done.push(attempt);
    run.previews.delete(key(shown.preview.findingId, shown.fix.id));
    await this.deps.record?.([attempt]);
    return attempt;
  }
}
