import { describe, expect, it } from 'vitest';
import type { CheckResult, PlannedCheck, RunEvent } from './check';
import { RunResults } from './run-results';

const check = (id: string): CheckResult => ({ id, kind: 'hosts', group: 'system', title: id, status: 'ok', reason: 'ok', detail: '', timings: {} });
const planned = (id: string): PlannedCheck => ({ id, kind: 'hosts', group: 'system', title: id });
const started = (runId: string, ids: string[]): RunEvent => ({ type: 'run-started', runId, startedAt: '', planned: ids.map(planned) });
const result = (runId: string, id: string): RunEvent => ({ type: 'check-result', runId, result: check(id) });

describe('RunResults', () => {
  it('puts the streamed results in plan order, whatever order they finished in', () => {
    const results = new RunResults();
    for (const event of [started('r', ['a', 'b', 'c']), result('r', 'c'), result('r', 'a'), result('r', 'b')]) results.observe(event);
    expect(results.inPlanOrder().map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps only the latest run, and ignores results of any other', () => {
    const results = new RunResults();
    for (const event of [started('r1', ['a']), result('r1', 'a'), started('r2', ['b']), result('r1', 'a'), result('r2', 'b')]) {
      results.observe(event);
    }
    expect(results.inPlanOrder().map((c) => c.id)).toEqual(['b']);
  });

  it('keeps one result per check (the last), and a result nobody planned after the planned ones', () => {
    const results = new RunResults();
    results.observe(started('r', ['a', 'b']));
    results.observe(result('r', 'extra'));
    results.observe(result('r', 'b'));
    results.observe({ type: 'check-result', runId: 'r', result: { ...check('b'), status: 'warn' } });
    expect(results.inPlanOrder().map((c) => [c.id, c.status])).toEqual([
      ['b', 'warn'],
      ['extra', 'ok'],
    ]);
  });
});
