import { describe, expect, it } from 'vitest';
import { reduceRunEvent, initialRunState, type RunState } from '../store/run-slice';
import { plannedServer, serverResult, wholeRun } from '../test-fixtures';
import type { CheckResult } from '../../app/contract/check';
import { headline, verdictOf } from './verdict';

const planned = ['a.apple.com', 'b.apple.com', 'c.apple.com', 'd.apple.com', 'e.apple.com'].map((host) => plannedServer(host));

function finishedWith(results: CheckResult[], cancelled = false): RunState {
  return wholeRun(planned, results, cancelled).reduce(reduceRunEvent, { ...initialRunState, phase: 'starting' });
}

describe('verdictOf', () => {
  it('says the computer can reach Apple when every check passed', () => {
    const verdict = verdictOf(finishedWith(planned.map((p) => serverResult(p))));
    expect(headline(verdict).title).toBe('This computer can reach Apple');
  });

  it('names the blocked servers, three at most', () => {
    const results = planned.map((p, i) => (i < 4 ? serverResult(p, { status: 'fail', reason: 'tcp-refused' }) : serverResult(p)));
    const verdict = verdictOf(finishedWith(results));
    const twoPorts = verdictOf(
      finishedWith([
        serverResult(planned[0]!, { status: 'fail', reason: 'tcp-refused' }),
        serverResult(plannedServer('a.apple.com', 80), { status: 'fail', reason: 'tcp-refused' }),
      ]),
    );
    expect(twoPorts.kind === 'problems' && twoPorts.problems[0]).toMatch(/^1 Apple server cannot be used properly: a\.apple\.com\./);
    expect(verdict).toEqual({
      kind: 'problems',
      intercepted: false,
      problems: [
        '4 Apple servers cannot be used properly: a.apple.com, b.apple.com, c.apple.com and 1 more. Servers shows which step failed for each.',
      ],
    });
  });

  it('calls out interception before anything else', () => {
    const results = planned.map((p, i) => (i === 0 ? serverResult(p, { status: 'fail', reason: 'tls-intercepted' }) : serverResult(p)));
    const verdict = verdictOf(finishedWith(results));
    expect(headline(verdict).title).toBe('Something is intercepting connections to Apple');
    expect(verdict.kind === 'problems' && verdict.problems[0]).toMatch(/^Secure connections to a\.apple\.com are being intercepted/);
  });

  it('says offline when nothing got as far as a connection', () => {
    const results = planned.map((p, i) => serverResult(p, { status: 'fail', reason: i % 2 ? 'dns-timeout' : 'tcp-timeout' }));
    expect(verdictOf(finishedWith(results)).kind).toBe('offline');
    const oneRefused = results.map((r, i) => (i === 0 ? { ...r, reason: 'tcp-refused' as const } : r));
    expect(verdictOf(finishedWith(oneRefused)).kind).toBe('problems');
  });

  it('counts what finished before a cancel, not the cancelled ones', () => {
    const results = planned.map((p, i) => (i < 2 ? serverResult(p) : serverResult(p, { status: 'skipped', reason: 'cancelled' })));
    expect(verdictOf(finishedWith(results, true))).toEqual({ kind: 'cancelled', done: 2, total: 5 });
  });
});
