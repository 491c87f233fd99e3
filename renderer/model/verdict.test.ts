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

  it('is the diagnosis of the finished report: one finding per cause, most likely first', () => {
    const results = planned.map((p, i) =>
      i < 4 ? serverResult(p, { status: 'fail', reason: 'tcp-refused', detail: 'Refused.' }) : serverResult(p),
    );
    const verdict = verdictOf(finishedWith(results));
    expect(verdict.kind).toBe('found');
    if (verdict.kind !== 'found') return;
    expect(verdict.worst).toBe('fail');
    expect(verdict.findings.map((finding) => finding.id)).toEqual(['firewall-blocks-apple']);
    expect(verdict.findings[0]!.detail).toMatch(/a\.apple\.com, b\.apple\.com, c\.apple\.com and d\.apple\.com/);
    expect(headline(verdict).title).toBe('We found a problem');
  });

  it('counts the problems in the headline, and only warnings make it a warning', () => {
    const two = planned.map((p, i) =>
      i === 0
        ? serverResult(p, { status: 'fail', reason: 'tls-intercepted', detail: 'x' })
        : i === 1
          ? serverResult(p, { status: 'fail', reason: 'tcp-refused', detail: 'y' })
          : serverResult(p),
    );
    expect(headline(verdictOf(finishedWith(two)))).toEqual({ title: 'We found 2 problems', tone: 'fail' });
    const warned = planned.map((p, i) =>
      i === 0 ? serverResult(p, { status: 'warn', reason: 'dns-timeout', detail: 'slow' }) : serverResult(p),
    );
    expect(headline(verdictOf(finishedWith(warned)))).toEqual({ title: 'We found a warning', tone: 'warn' });
  });

  it('no internet at all is one finding, not one per server', () => {
    const results = planned.map((p, i) => serverResult(p, { status: 'fail', reason: i % 2 ? 'dns-timeout' : 'tcp-timeout', detail: 'x' }));
    const verdict = verdictOf(finishedWith(results));
    expect(verdict.kind === 'found' && verdict.findings.map((finding) => finding.id)).toEqual(['no-internet']);
  });

  it('keeps what finished before a cancel, with its findings', () => {
    const results = planned.map((p, i) =>
      i === 0
        ? serverResult(p, { status: 'fail', reason: 'tls-intercepted', detail: 'x' })
        : i < 2
          ? serverResult(p)
          : serverResult(p, { status: 'skipped', reason: 'cancelled' }),
    );
    const verdict = verdictOf(finishedWith(results, true));
    expect(verdict).toMatchObject({ kind: 'cancelled', done: 2, total: 5 });
    expect(verdict.kind === 'cancelled' && verdict.findings.map((finding) => finding.id)).toEqual(['https-inspection']);
  });
});
