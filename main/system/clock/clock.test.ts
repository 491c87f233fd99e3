import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../app/catalog/builtin';
import type { CheckResult, NtpCheck } from '../../../app/contract/check';
import type { CheckTask } from '../../runner/task';
import { startNtpServer } from '../../../test-support/ntp-server';
import { shareNtpResult } from './share-ntp';
import { clockTask, judgeClock } from './tasks';

const catalog = builtinCatalog();
const signal = () => AbortSignal.timeout(10_000);

function ntpStandIn(offsetMs: number | undefined): CheckTask & { runs: number } {
  const result: NtpCheck = {
    id: 'ntp:time.apple.com',
    kind: 'ntp',
    group: 'network',
    title: 'Time',
    host: 'time.apple.com',
    port: 123,
    protocol: 'udp',
    status: offsetMs === undefined ? 'fail' : 'ok',
    reason: offsetMs === undefined ? 'ntp-no-answer' : 'ok',
    detail: offsetMs === undefined ? 'time.apple.com did not answer.' : 'answered',
    timings: {},
    ...(offsetMs === undefined ? {} : { offsetMs }),
  };
  const task = {
    runs: 0,
    planned: { id: result.id, kind: 'ntp' as const, group: 'network' as const, title: 'Time' },
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
    const ntp = ntpStandIn(-400_000);
    const { tasks, result } = shareNtpResult([ntp]);
    const clock = clockTask(catalog, { shared: result! });
    const [clockResult] = await Promise.all([clock.run(signal()), tasks[0]!.run(signal())]);
    expect(ntp.runs).toBe(1);
    expect(clockResult).toMatchObject({ kind: 'clock', status: 'fail', reason: 'clock-skew', facts: { offsetMs: -400_000 } });
    expect(clockResult.detail).toContain('7 minutes behind');
  });

  it('settles when the NTP check is interrupted', async () => {
    const { tasks, result } = shareNtpResult([ntpStandIn(undefined)]);
    tasks[0]!.interrupted('deadline');
    expect(await clockTask(catalog, { shared: result! }).run(signal())).toMatchObject({ status: 'skipped', reason: 'clock-unknown' });
  });

  it('leaves a plan without NTP alone', () => {
    expect(shareNtpResult([]).result).toBeUndefined();
  });

  describe('with --only system, asks a time server once itself', () => {
    let server: Awaited<ReturnType<typeof startNtpServer>>;
    let skewed: Awaited<ReturnType<typeof startNtpServer>>;
    beforeAll(async () => {
      server = await startNtpServer({ address: '127.0.0.1', port: 0 });
      skewed = await startNtpServer({ address: '127.0.0.1', port: 0, clockOffsetMs: 3 * 3600_000 });
    });
    afterAll(async () => {
      await server.close();
      await skewed.close();
    });

    it('finds a right clock', async () => {
      const result = await clockTask(catalog, { ntpAddress: '127.0.0.1', ntpPort: server.port }).run(signal());
      expect(result).toMatchObject({ status: 'ok', reason: 'ok' });
    });

    it('finds a clock three hours behind the server', async () => {
      const result = await clockTask(catalog, { ntpAddress: '127.0.0.1', ntpPort: skewed.port }).run(signal());
      expect(result).toMatchObject({ status: 'fail', reason: 'clock-skew' });
      expect(result.detail).toContain('3.0 hours behind');
    });
  });

  it('words offsets plainly', () => {
    expect(judgeClock(1500, 120_000, 'x', '').detail).toContain('1.5 seconds ahead');
    expect(judgeClock(undefined, 120_000, 'x', 'no answer.').detail).toBe('The clock could not be compared with a time server: no answer.');
  });
});
