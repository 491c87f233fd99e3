import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunEvent } from '../../app/contract/check';
import { builtinCatalog } from '../../app/catalog/builtin';
import { DEFAULT_CONCURRENCY } from '../../main/platform/defaults';
import { runEngine } from '../../main/engine/engine';
import { RunService } from '../../main/electron/run-service';
import { collectGarbageSoon } from '../../test-support/force-gc';
import { startWorld, TEST_ISSUER, type World } from '../fake-internet/world';

// The desktop app's run, in process: its runs are cancellable, so each check's deadline is combined
// with the run's signal. Garbage collected while a check waited on a dropped connection once lost that
// deadline: the run stopped at "54 of 55 checks done" and never sent run-finished.
let world: World;
beforeAll(async () => {
  world = await startWorld({ faults: { 'gs.apple.com': 'reset', 'albert.apple.com': 'drop', 'mesu.apple.com': 'reset' } });
});
afterAll(() => world.stop());

it('finishes a desktop run when garbage is collected while a check waits on a dropped connection', async () => {
  const events: RunEvent[] = [];
  let finished!: () => void;
  const runFinished = new Promise<void>((resolve) => (finished = resolve));
  const runs = new RunService({
    loadCatalog: () => Promise.resolve({ catalog: builtinCatalog(), source: 'built-in' }),
    runEngine,
    emit: (event) => {
      events.push(event);
      // Once every check but the dropped one has reported, only its deadline can end the run.
      if (event.type === 'check-result' && event.result.id !== 'server:albert.apple.com:443') void collectGarbageSoon();
      if (event.type === 'run-finished') finished();
    },
    timeoutMs: 3000,
    concurrency: DEFAULT_CONCURRENCY,
    extraIssuers: [TEST_ISSUER],
  });
  expect(await runs.start(['network', 'system'])).toMatchObject({ ok: true });
  await runFinished;
  const started = events.filter((event) => event.type === 'check-started');
  const results = events.flatMap((event) => (event.type === 'check-result' ? [event.result] : []));
  expect(results).toHaveLength(started.length);
  expect(results.find((result) => result.id === 'server:albert.apple.com:443')).toMatchObject({ status: 'fail', reason: 'tcp-timeout' });
});
