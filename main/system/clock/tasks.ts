import dns from 'node:dns';
import type { CheckResult } from '../../../app/contract/check';
import type { Catalog } from '../../../app/catalog/schema';
import { ABORTED, raceAbort } from '../../probes/deadline';
import { probeNtp, type NtpOutcome } from '../../probes/ntp';
import { CANCELLED_DETAIL, type CheckTask } from '../../runner/task';
import { describeClockOffset } from '../../../app/format/clock-offset';
import { systemTask, type SystemOutcome } from '../task';

interface ClockOptions {
  /** The NTP check's result when the network checks run too (see shareNtpResult). */
  shared?: Promise<CheckResult>;
  /** For tests: where to ask when there is no shared result. */
  ntpAddress?: string;
  ntpPort?: number;
}

/**
 * This computer's clock against Apple's time server. With the network checks in the same run it
 * reads their NTP answer (one request, not two); with `--only system` it asks once itself.
 */
export function clockTask(catalog: Catalog, options: ClockOptions = {}): CheckTask {
  const ntp = catalog.ntp;
  const maxOffsetMs = ntp?.maxOffsetMs ?? 120_000;
  return systemTask(
    { id: 'clock:offset', kind: 'clock', title: "This computer's clock", purpose: 'A wrong clock breaks secure connections' },
    async (signal) => {
      if (options.shared) {
        const shared = await raceAbort(signal, options.shared);
        if (shared === ABORTED) return { status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL };
        const offset = shared.kind === 'ntp' ? shared.offsetMs : undefined;
        return judgeClock(offset, maxOffsetMs, ntp?.host ?? 'the time server', shared.detail);
      }
      if (!ntp)
        return { status: 'skipped', reason: 'clock-unknown', detail: 'The catalog names no time server to compare the clock with.' };
      const answer = await askTimeServer(ntp.host, options, signal);
      return judgeClock(answer.kind === 'answer' ? answer.offsetMs : undefined, maxOffsetMs, ntp.host, describeNoAnswer(answer));
    },
  );
}

async function askTimeServer(
  host: string,
  options: ClockOptions,
  signal: AbortSignal,
): Promise<NtpOutcome | { kind: 'no-address'; why: string }> {
  let address = options.ntpAddress;
  if (!address) {
    try {
      const found = await raceAbort(signal, dns.promises.lookup(host));
      if (found === ABORTED) return { kind: 'cancelled', ms: 0 };
      address = found.address;
    } catch (error) {
      return { kind: 'no-address', why: `${host} could not be looked up (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
  }
  return probeNtp(address, { signal, ...(options.ntpPort ? { port: options.ntpPort } : {}) });
}

function describeNoAnswer(answer: NtpOutcome | { kind: 'no-address'; why: string }): string {
  switch (answer.kind) {
    case 'answer':
      return '';
    case 'no-address':
      return answer.why;
    case 'no-answer':
      return 'the time server did not answer (UDP port 123 may be blocked)';
    case 'invalid':
      return answer.message;
    case 'failed':
      return `the request could not be sent (${answer.code})`;
    case 'cancelled':
      return 'cancelled';
  }
}

/** Pure: how far off the clock is, and whether that matters. */
export function judgeClock(offsetMs: number | undefined, maxOffsetMs: number, source: string, whyUnknown: string): SystemOutcome {
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
      detail: `The clock could not be compared with a time server: ${whyUnknown.replace(/\.$/, '')}.`,
      facts: { ...facts, offsetMs: null },
    };
  }
  const offset = describeClockOffset(offsetMs);
  if (Math.abs(offsetMs) > maxOffsetMs) {
    return {
      status: 'fail',
      reason: 'clock-skew',
      detail: `This computer's clock is ${offset}. Secure connections to Apple fail when the clock is off by more than a few minutes: turn on "Set time automatically".`,
      facts: { ...facts, offsetMs },
    };
  }
  return { status: 'ok', reason: 'ok', detail: `The clock is right: ${offset} compared with ${source}.`, facts: { ...facts, offsetMs } };
}
