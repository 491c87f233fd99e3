import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../app/catalog/builtin';
import type { CheckResult, NtpCheck } from '../../../app/contract/check';
import type { CheckTask } from '../../scheduler/task';
import { shareNtpResult } from './share-ntp';
import { clockTask, judgeClock } from './tasks';

const catalog = builtinCatalog();
const signal = () => AbortSignal.timeout(10_000);

function ntpResult(offsetMs: number | undefined, reason: NtpCheck['reason'] = offsetMs === undefined ? 'ntp-no-answer' : 'ok'): NtpCheck {
  return {
    id: 'ntp:time.apple.com',
    kind: 'ntp',
    group: 'network',
    title: 'Time',
    host: 'time.apple.com',
    port: 123,
    protocol: 'udp',
    status: reason === 'ok' ? 'ok' : 'fail',
    reason,
    detail: offsetMs === undefined ? 'time.apple.com did not answer.' : 'answered',
    timings: {},
    ...(offsetMs === undefined ? {} : { offsetMs }),
  };
}

function ntpStandIn(result: NtpCheck): CheckTask & { runs: number } {
  const task = {
    runs: 0,
    planned: { id: result.id, kind: 'ntp' as const, group: 'network' as const, title: 'Time' },
    chainLength: 2,
    run: () => {
      task.runs++;
      return Promise.resolve(result as CheckResult);
    },
    interrupted: () => result,
  };
  return task;
}

describe('clock check', () => {
  it('reads the NTP check result instead of asking again', async () => {
    const ntp = ntpStandIn(ntpResult(-400_000, 'clock-skew'));
    const { tasks, result } = shareNtpResult([ntp]);
    const clock = clockTask(catalog, () => result!);
    const [clockResult] = await Promise.all([clock.run(signal()), tasks[0]!.run(signal())]);
    expect(ntp.runs).toBe(1);
    expect(clockResult).toMatchObject({ kind: 'clock', status: 'fail', reason: 'clock-skew', facts: { offsetMs: -400_000 } });
    expect(clockResult.detail).toContain('7 minutes behind');
  });

  it('keeps the wrapped NTP check as the runner schedules it (its chain length)', () => {
    const { tasks } = shareNtpResult([ntpStandIn(ntpResult(0))]);
    expect(tasks[0]!.chainLength).toBe(2);
  });

  it('settles when the NTP check is interrupted', async () => {
    const { tasks, result } = shareNtpResult([ntpStandIn(ntpResult(undefined))]);
    tasks[0]!.interrupted('deadline');
    expect(await clockTask(catalog, () => result!).run(signal())).toMatchObject({ status: 'skipped', reason: 'clock-unknown' });
  });

  it('leaves a plan without NTP alone, and says so when there is no time server to ask', async () => {
    expect(shareNtpResult([]).result).toBeUndefined();
    expect(await clockTask(catalog, undefined).run(signal())).toMatchObject({ status: 'skipped', reason: 'clock-unknown' });
  });

  it('without the network checks, runs the NTP check it is given, once, and reads its answer the same way', async () => {
    const own = ntpStandIn(ntpResult(3 * 3600_000, 'clock-skew'));
    const result = await clockTask(catalog, (s) => own.run(s)).run(signal());
    expect(own.runs).toBe(1);
    expect(result).toMatchObject({ status: 'fail', reason: 'clock-skew', facts: { offsetMs: 3 * 3600_000 } });
    expect(result.detail).toContain('3.0 hours ahead');
  });

  it('says cancelled when the run is cancelled while it waits for the answer', async () => {
    const never = () => new Promise<CheckResult>(() => undefined);
    expect(await clockTask(catalog, never).run(AbortSignal.abort())).toMatchObject({ status: 'skipped', reason: 'cancelled' });
  });

  it("takes the NTP check's verdict on the offset rather than judging it again", () => {
    // An offset under the catalog's limit that the NTP check still called a skew (say, a stricter limit of its own): its word stands.
    expect(judgeClock(ntpResult(90_000, 'clock-skew'), 120_000, 'x')).toMatchObject({ status: 'fail', reason: 'clock-skew' });
    expect(judgeClock(ntpResult(1500), 120_000, 'x').detail).toContain('1.5 seconds ahead');
    expect(judgeClock(ntpResult(undefined), 120_000, 'x').detail).toBe(
      'The clock could not be compared with a time server: time.apple.com did not answer.',
    );
  });
});
