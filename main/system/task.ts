import type { CheckStatus, PlannedCheck, SystemCheck } from '../../app/contract/check';
import type { SystemCheckReason } from '../../app/contract/system-reasons';
import { CANCELLED_DETAIL, type CheckTask } from '../scheduler/task';
import type { Trouble } from '../platform/exec';
import { OS_NAMES, type SystemOs } from '../platform/system-os';

type SystemKind = SystemCheck['kind'];
type Facts = NonNullable<SystemCheck['facts']>;

export interface SystemOutcome {
  status: CheckStatus;
  reason: SystemCheckReason;
  detail: string;
  facts?: Facts;
}

interface SystemPlan {
  id: string;
  kind: SystemKind;
  title: string;
  purpose?: string;
  host?: string;
  port?: number;
  protocol?: 'tcp' | 'udp';
  entryId?: string;
  /** See CheckTask.minimumDeadlineMs. */
  minimumDeadlineMs?: number;
}

/**
 * A CheckTask for one system check. `run` returns a plain outcome; this wraps it into the
 * contract's SystemCheck and turns an unexpected throw into a reported problem, so one odd
 * answer from the computer never takes the rest of the run down.
 */
export function systemTask(plan: SystemPlan, run: (signal: AbortSignal) => Promise<SystemOutcome>): CheckTask {
  const planned: PlannedCheck = {
    id: plan.id,
    kind: plan.kind,
    group: 'system',
    title: plan.title,
    ...(plan.host ? { host: plan.host } : {}),
    ...(plan.port !== undefined ? { port: plan.port } : {}),
    ...(plan.protocol ? { protocol: plan.protocol } : {}),
    ...(plan.purpose ? { purpose: plan.purpose } : {}),
    ...(plan.entryId ? { entryId: plan.entryId } : {}),
  };
  const toResult = (outcome: SystemOutcome): SystemCheck => ({
    id: plan.id,
    kind: plan.kind,
    group: 'system',
    title: plan.title,
    status: outcome.status,
    reason: outcome.reason,
    detail: outcome.detail,
    timings: {},
    ...(plan.entryId ? { entryId: plan.entryId } : {}),
    ...(plan.host ? { host: plan.host } : {}),
    ...(plan.port !== undefined ? { port: plan.port } : {}),
    ...(plan.protocol ? { protocol: plan.protocol } : {}),
    ...(outcome.facts ? { facts: outcome.facts } : {}),
  });
  return {
    planned,
    ...(plan.minimumDeadlineMs ? { minimumDeadlineMs: plan.minimumDeadlineMs } : {}),
    async run(signal) {
      let outcome: SystemOutcome;
      try {
        outcome = await run(signal);
      } catch (error) {
        outcome = {
          status: 'warn',
          reason: 'output-not-understood',
          detail: `This check ran into something it did not expect and stopped: ${(error as Error).message}`,
        };
      }
      return toResult(outcome);
    },
    interrupted: (why) =>
      toResult(
        why === 'cancelled'
          ? { status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL }
          : { status: 'warn', reason: 'timed-out', detail: 'This check of the computer did not finish before the deadline.' },
      ),
  };
}

export function notApplicable(what: string, os: SystemOs): SystemOutcome {
  return { status: 'skipped', reason: 'not-applicable', detail: `${what}: not applicable on ${OS_NAMES[os]}.` };
}

/** The outcome when there is nothing to judge; `timedOut` is the detail for a timeout. */
export function troubleOutcome(trouble: Trouble, timedOut: string, facts?: Facts): SystemOutcome {
  switch (trouble.kind) {
    case 'cannot-run':
      return { status: 'skipped', reason: 'cannot-run', detail: `Cannot run here: ${trouble.why}.`, ...(facts ? { facts } : {}) };
    case 'timeout':
      return { status: 'warn', reason: 'timed-out', detail: timedOut, ...(facts ? { facts } : {}) };
    case 'cancelled':
      return { status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL };
  }
}

/** The outcome for a command that did not run to an answer. */
export function commandTrouble(command: string, trouble: Trouble): SystemOutcome {
  return troubleOutcome(trouble, `${command} did not answer in time.`, { command });
}

/** Runs `work` once, on the first caller's signal; every later call gets the same promise. */
export function shareOnce<T>(work: (signal: AbortSignal) => Promise<T>): (signal: AbortSignal) => Promise<T> {
  let pending: Promise<T> | undefined;
  return (signal) => (pending ??= work(signal));
}
