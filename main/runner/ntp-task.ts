import type { NtpCheck, PlannedCheck } from '../../app/contract/check';
import { describeClockOffset } from '../../app/format/clock-offset';
import { probeNtp, type NtpProbeOptions } from '../probes/ntp';
import { NTP_CHAIN_LENGTH } from './chain';
import type { DnsCache } from './dns-cache';
import { dnsFailureReason } from './dns-reason';
import { CANCELLED_DETAIL, type CheckTask } from '../scheduler/task';

export interface NtpTarget {
  host: string;
  purpose: string;
  /** More than this apart from the server counts as a skewed clock. */
  maxOffsetMs: number;
  port?: number;
  now?: NtpProbeOptions['now'];
}

/** The catalog has one time server, under `ntp` rather than in a list of entries with ids. */
const NTP_ENTRY_ID = 'ntp';

export function ntpTask(target: NtpTarget, dns: DnsCache): CheckTask {
  const planned: PlannedCheck = {
    id: `ntp:${target.host}`,
    kind: 'ntp',
    group: 'network',
    title: `Time from ${target.host}`,
    host: target.host,
    port: 123,
    protocol: 'udp',
    purpose: target.purpose,
    entryId: NTP_ENTRY_ID,
  };
  const result = (fields: Pick<NtpCheck, 'status' | 'reason' | 'detail' | 'timings'> & { offsetMs?: number }): NtpCheck => ({
    id: planned.id,
    kind: 'ntp',
    group: 'network',
    title: planned.title,
    entryId: NTP_ENTRY_ID,
    host: target.host,
    port: 123,
    protocol: 'udp',
    ...fields,
  });
  return {
    planned,
    chainLength: NTP_CHAIN_LENGTH,
    interrupted: (why) =>
      why === 'cancelled'
        ? result({ status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL, timings: {} })
        : result({
            status: 'fail',
            reason: 'ntp-no-answer',
            detail: `${target.host} did not answer the time request (UDP port 123) before the deadline: outgoing NTP is probably blocked.`,
            timings: {},
          }),
    async run(signal) {
      const judged = await dns.judgeWhile(target.host, signal, (addresses) =>
        probeNtp(addresses[0]!, {
          signal,
          ...(target.port ? { port: target.port } : {}),
          ...(target.now ? { now: target.now } : {}),
        }),
      );
      const { dnsMs } = judged;
      if (judged.verdict.kind === 'cancelled')
        return result({ status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL, timings: { dnsMs } });
      if (!judged.started) {
        const reason = dnsFailureReason(judged.verdict);
        return result({
          status: 'fail',
          reason,
          detail: `Could not ask ${target.host} for the time: the name could not be looked up.`,
          timings: { dnsMs },
        });
      }
      const answer = await judged.started;
      const timings = { dnsMs, ntpMs: answer.ms };
      switch (answer.kind) {
        case 'answer': {
          const offset = answer.offsetMs;
          if (Math.abs(offset) > target.maxOffsetMs) {
            return result({
              status: 'fail',
              reason: 'clock-skew',
              offsetMs: offset,
              detail: `This computer's clock is ${describeClockOffset(offset)} of Apple's time server. A clock that far off breaks secure connections: set the time automatically.`,
              timings,
            });
          }
          return result({
            status: 'ok',
            reason: 'ok',
            offsetMs: offset,
            detail: `Apple's time server answered; compared with it, this computer's clock is ${describeClockOffset(offset)}.`,
            timings,
          });
        }
        case 'no-answer':
          return result({
            status: 'fail',
            reason: 'ntp-no-answer',
            detail: `${target.host} did not answer the time request on UDP port 123: outgoing NTP is probably blocked. The clock cannot be checked against Apple.`,
            timings,
          });
        case 'invalid':
          return result({
            status: 'fail',
            reason: 'ntp-no-answer',
            detail: `Something answered on UDP port 123, but ${answer.message}.`,
            timings,
          });
        case 'failed':
          return result({
            status: 'fail',
            reason: 'ntp-no-answer',
            detail: `The time request could not be sent (${answer.code}).`,
            timings,
          });
        case 'cancelled':
          return result({ status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL, timings });
      }
    },
  };
}
