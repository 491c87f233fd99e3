import { describe, expect, it } from 'vitest';
import type { FixAttempt } from '../fixes/attempt';
import { reportFixAttempts } from './from-fix-attempts';

const base: FixAttempt = {
  fixId: 'remove-hosts-redirects',
  findingId: 'hosts-file-redirect',
  action: 'apply',
  startedAt: '2026-12-02T10:00:00.000Z',
  finishedAt: '2026-12-02T10:00:01.000Z',
  steps: [
    {
      kind: 'edit-file',
      file: '/etc/hosts',
      backup: '/etc/hosts.bak',
      changes: [{ line: 3, before: '1.2.3.4 gs.apple.com' }],
      purpose: 'keep the rest',
    },
    { kind: 'command', argv: ['/usr/bin/resolvectl', 'flush-caches'], purpose: 'flush' },
  ],
  commands: [],
  outcome: { kind: 'applied' },
  before: [{ id: 'server:gs.apple.com:443', title: 'gs', status: 'fail', reason: 'dns-redirected' }],
  after: [{ id: 'server:gs.apple.com:443', title: 'gs', status: 'ok', reason: 'ok' }],
};

describe('reportFixAttempts', () => {
  it('says what was shown, how it ended and each check before → after', () => {
    expect(reportFixAttempts([base])).toEqual([
      {
        fixId: 'remove-hosts-redirects',
        findingId: 'hosts-file-redirect',
        startedAt: '2026-12-02T10:00:00.000Z',
        commands: ['/etc/hosts: line 3 "1.2.3.4 gs.apple.com" removed (backup /etc/hosts.bak)', '/usr/bin/resolvectl flush-caches'],
        outcome: 'fixed',
        rechecks: [{ checkId: 'server:gs.apple.com:443', before: 'fail', after: 'ok' }],
      },
    ]);
  });

  it('tells a change that did not help, a refusal and a cancelled prompt apart, and leaves out what changed nothing', () => {
    const outcomes = reportFixAttempts([
      { ...base, after: [{ ...base.after[0]!, status: 'fail' }] },
      { ...base, outcome: { kind: 'needs-admin', why: 'x' }, after: [] },
      { ...base, outcome: { kind: 'cancelled' }, after: [] },
      { ...base, outcome: { kind: 'nothing-to-do', why: 'already clean' }, after: [] },
    ]).map((attempt) => attempt.outcome);
    expect(outcomes).toEqual(['still-failing', 'needs-admin', 'cancelled']);
  });
});
