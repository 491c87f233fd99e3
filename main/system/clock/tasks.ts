import type { CheckResult } from '../../../app/contract/check';
import type { Catalog } from '../../../app/catalog/schema';
import { ABORTED, raceAbort } from '../../platform/deadline';
import { CANCELLED_DETAIL, type CheckTask } from '../../scheduler/task';
import { describeClockOffset } from '../../../app/format/clock-offset';
import { systemTask, type SystemOutcome } from '../task';

/**
 * The time server's answer, as the NTP check gave it: the network check's own result when the
 * run has one (see shareNtpResult), else that check run for the clock alone.
 */
export type NtpAnswer = (signal: AbortSignal) => Promise<CheckResult>;

/**
 * This computer's clock against Apple's time server. It asks nothing itself and judges nothing
 * twice: the offset, and whether it is too far off, are the NTP check's.
 */
export function clockTask(catalog: Catalog, ntpAnswer: NtpAnswer | undefined): CheckTask {
  const source = catalog.ntp?.host ?? 'the time server';
  const maxOffsetMs = catalog.ntp?.maxOffsetMs ?? 120_000;
  return systemTask(
    { id: 'clock:offset', kind: 'clock', title: "This computer's clock", purpose: 'A wrong clock breaks secure connections' },
    async (signal) => {
      if (!ntpAnswer)
        return { status: 'skipped', reason: 'clock-unknown', detail: 'The catalog names no time server to compare the clock with.' };
      const ntp = await raceAbort(signal, ntpAnswer(signal));
      if (ntp === ABORTED) return { status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL };
      return judgeClock(ntp, maxOffsetMs, source);
    },
  );
}

/** Pure: the clock's outcome from the NTP check's result, in the words of this check. */
export function judgeClock(ntp: CheckResult, maxOffsetMs: number, source: string): SystemOutcome {
  const offsetMs = ntp.kind === 'ntp' ? ntp.offsetMs : undefined;
  const facts = {
    localTime: new Date().toISOString(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? null,
    maxOffsetMs,
    source,
  };
  if (offsetMs === undefined) {
    return {
      status: 'skipped',
      reason: 'clock-unknown',
      detail: `The clock could not be compared with a time server: ${ntp.detail.replace(/\.$/, '')}.`,
      facts: { ...facts, offsetMs: null },
    };
  }
  const offset = describeClockOffset(offsetMs);
  if (ntp.reason === 'clock-skew') {
    return {
      status: 'fail',
      reason: 'clock-skew',
      detail: `This computer's clock is ${offset}. Secure connections to Apple fail when the clock is off by more than a few minutes: turn on "Set time automatically".`,
      facts: { ...facts, offsetMs },
    };
  }
  return { status: 'ok', reason: 'ok', detail: `The clock is right: ${offset} compared with ${source}.`, facts: { ...facts, offsetMs } };
}
