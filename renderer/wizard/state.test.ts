import { describe, expect, it } from 'vitest';
import { diagnose } from '../../app/diagnosis/diagnose';
import type { Finding } from '../../app/diagnosis/finding';
import { failAt, healthyChecks, intercepted, plus, systemCheck, withChecks } from '../../app/diagnosis/fixtures/runs';
import type { FixAttempt } from '../../app/fixes/attempt';
import type { FixPreview } from '../../app/fixes/preview';
import { advance, initialWizard, passed, relevantFirst, type WizardEvent, type WizardState } from './state';

const hostsEntry = systemCheck('hosts:apple', 'hosts', 'fail', 'hosts-entry', 'Line 3 sends gs.apple.com to 1.2.3.4.', {
  facts: { host: 'gs.apple.com' },
});
/** A real diagnosis: interception, a hosts-file redirect and a stopped Bonjour. */
const findings: Finding[] = diagnose(
  plus(
    withChecks(healthyChecks(), {
      'server:mesu.apple.com:443': intercepted(),
      'server:gs.apple.com:443': {
        ...failAt.refused,
        reason: 'dns-redirected',
        detail: 'x. The hosts file /etc/hosts does it, line 3: "1.2.3.4 gs.apple.com".',
      },
    }),
    hostsEntry,
    systemCheck('service:bonjour', 'service', 'warn', 'service-stopped', 'Bonjour is stopped.'),
    systemCheck('firewall:system', 'firewall', 'ok', 'firewall-off', 'Off.'),
  ),
);

const preview: FixPreview = {
  fixId: 'remove-hosts-redirects',
  findingId: 'hosts-file-redirect',
  title: 'Remove the hosts-file lines',
  changes: 'Removes line 3 of /etc/hosts.',
  steps: [
    {
      kind: 'edit-file',
      file: '/etc/hosts',
      backup: '/etc/hosts.bak',
      changes: [{ line: 3, before: '1.2.3.4 gs.apple.com' }],
      purpose: 'remove the redirect',
    },
  ],
  needsAdmin: true,
  undoable: true,
  recheck: ['hosts:apple', 'server:gs.apple.com:443'],
  fingerprint: 'f1',
};

function attempt(
  outcome: FixAttempt['outcome'],
  after: FixAttempt['after'] = [{ id: 'hosts:apple', title: 'Hosts', status: 'ok', reason: 'ok' }],
): FixAttempt {
  return {
    fixId: 'remove-hosts-redirects',
    findingId: 'hosts-file-redirect',
    action: 'apply',
    startedAt: '2026-12-02T10:00:00.000Z',
    finishedAt: '2026-12-02T10:00:01.000Z',
    steps: preview.steps,
    commands: [],
    outcome,
    before: [{ id: 'hosts:apple', title: 'Hosts', status: 'fail', reason: 'hosts-entry' }],
    after,
  };
}

function play(...events: WizardEvent[]): WizardState {
  return events.reduce(advance, initialWizard);
}

const toFinding: WizardEvent[] = [
  { type: 'choose', symptom: 'update-error' },
  { type: 'start', code: '3194' },
  { type: 'checked', findings, cancelled: false },
];
const toConfirm: WizardEvent[] = [...toFinding, { type: 'fix-it', fixId: 'remove-hosts-redirects' }, { type: 'preview-ready', preview }];

describe('wizard: asking', () => {
  it('starts only once a symptom is chosen, and keeps the code only for an update error', () => {
    expect(play({ type: 'start' })).toEqual(initialWizard);
    expect(play({ type: 'choose', symptom: 'sync-fails' }, { type: 'start', code: '3194' })).toEqual({
      step: 'checking',
      symptom: 'sync-fails',
    });
    expect(play({ type: 'choose', symptom: 'update-error' }, { type: 'start', code: '3194' })).toEqual({
      step: 'checking',
      symptom: 'update-error',
      code: '3194',
    });
  });

  it('keeps what was typed when coming back', () => {
    const state = play(
      { type: 'choose', symptom: 'update-error' },
      { type: 'type-code', text: '3194' },
      { type: 'start', code: '3194' },
      { type: 'back' },
    );
    expect(state).toEqual({ step: 'ask', symptom: 'update-error', codeText: '3194' });
  });
});

describe('wizard: findings one at a time', () => {
  it('puts the finding that explains the error code first, and leaves notes out', () => {
    const state = play(...toFinding);
    expect(state.step === 'finding' && state.queue.map((finding) => finding.id)).toEqual([
      'hosts-file-redirect',
      'https-inspection',
      'bonjour-not-running',
    ]);
  });

  it('orders by what the person said when there is no code', () => {
    const ordered = relevantFirst(findings, { symptom: 'device-not-recognized' });
    expect(ordered[0]!.id).toBe('bonjour-not-running');
  });

  it('with nothing wrong, goes straight to the end: clear', () => {
    expect(
      play({ type: 'choose', symptom: 'not-sure' }, { type: 'start' }, { type: 'checked', findings: [], cancelled: false }),
    ).toMatchObject({ step: 'end', result: 'clear' });
  });

  it('a cancelled run keeps what it found and says it was partial', () => {
    const state = play({ type: 'choose', symptom: 'not-sure' }, { type: 'start' }, { type: 'checked', findings, cancelled: true });
    expect(state).toMatchObject({ step: 'finding', partial: true, index: 0 });
  });

  it('skip and still-not-working walk the queue, then end with what is left', () => {
    let state = play(...toFinding, { type: 'skip' });
    expect(state).toMatchObject({ step: 'finding', index: 1 });
    state = advance(advance(state, { type: 'still-not-working' }), { type: 'skip' });
    expect(state).toMatchObject({ step: 'end', result: 'left' });
    expect(state.step === 'end' && state.left.map((finding) => finding.id)).toEqual([
      'hosts-file-redirect',
      'https-inspection',
      'bonjour-not-running',
    ]);
  });

  it('show me how and back return to the card', () => {
    const how = play(...toFinding, { type: 'show-how' });
    expect(how.step === 'finding' && how.card).toEqual({ kind: 'how' });
    expect(advance(how, { type: 'hide-how' })).toEqual(play(...toFinding));
    expect(advance(how, { type: 'back' })).toEqual(play(...toFinding));
  });

  it('back from the first finding returns to the question; from a later one to the one before', () => {
    expect(play(...toFinding, { type: 'back' })).toEqual({ step: 'ask', symptom: 'update-error', codeText: '3194' });
    expect(play(...toFinding, { type: 'skip' }, { type: 'back' })).toEqual(play(...toFinding));
  });
});

describe('wizard: a fix', () => {
  it('confirm first, then apply: a passing re-check offers "it works", which ends fixed', () => {
    let state = play(...toConfirm);
    expect(state.step === 'finding' && state.card).toEqual({ kind: 'confirming', preview });
    state = advance(state, { type: 'confirm' });
    expect(state.step === 'finding' && state.card.kind).toBe('applying');
    state = advance(state, { type: 'fix-finished', attempt: attempt({ kind: 'applied' }) });
    expect(state.step === 'finding' && state.card).toMatchObject({ kind: 'applied', passed: true });
    state = advance(state, { type: 'it-works' });
    expect(state).toMatchObject({ step: 'end', result: 'fixed' });
    expect(state.step === 'end' && state.left.map((finding) => finding.id)).toEqual(['https-inspection', 'bonjour-not-running']);
    expect(state.step === 'end' && state.attempts).toHaveLength(1);
  });

  it('a re-check that still fails does not offer "it works"; still-not-working moves on', () => {
    let state = play(
      ...toConfirm,
      { type: 'confirm' },
      {
        type: 'fix-finished',
        attempt: attempt({ kind: 'applied' }, [{ id: 'hosts:apple', title: 'H', status: 'fail', reason: 'hosts-entry' }]),
      },
    );
    expect(state.step === 'finding' && state.card).toMatchObject({ kind: 'applied', passed: false });
    expect(advance(state, { type: 'it-works' })).toBe(state);
    state = advance(state, { type: 'still-not-working' });
    expect(state).toMatchObject({ step: 'finding', index: 1, card: { kind: 'reading' } });
  });

  it('a cancelled prompt is "cancelled", not a failure, and changes nothing', () => {
    const state = play(...toConfirm, { type: 'confirm' }, { type: 'fix-finished', attempt: attempt({ kind: 'cancelled' }, []) });
    expect(state.step === 'finding' && state.card).toEqual({
      kind: 'reading',
      notice: expect.stringMatching(/cancelled.*nothing was changed/),
    });
  });

  it('a failed fix leaves the state consistent: the attempt is recorded and the card says why', () => {
    const state = play(
      ...toConfirm,
      { type: 'confirm' },
      { type: 'fix-finished', attempt: attempt({ kind: 'failed', why: 'the file is read-only' }, []) },
    );
    expect(state).toMatchObject({ step: 'finding', index: 0, card: { kind: 'fix-failed', message: 'the file is read-only' } });
    expect(state.step === 'finding' && state.attempts).toHaveLength(1);
    expect(advance(state, { type: 'fix-it', fixId: 'remove-hosts-redirects' })).toMatchObject({ card: { kind: 'previewing' } });
  });

  it('a refusal from main (stale or unknown fix) is shown, never applied', () => {
    const state = play(
      ...toFinding,
      { type: 'fix-it', fixId: 'remove-hosts-redirects' },
      { type: 'fix-refused', message: 'That fix belongs to an older check.' },
    );
    expect(state).toMatchObject({ card: { kind: 'fix-failed', message: 'That fix belongs to an older check.' } });
  });

  it("ignores a preview for another fix, a blocked preview's confirm, and events while applying", () => {
    const other = play(
      ...toFinding,
      { type: 'fix-it', fixId: 'remove-hosts-redirects' },
      { type: 'preview-ready', preview: { ...preview, fixId: 'flush-dns' } },
    );
    expect(other.step === 'finding' && other.card.kind).toBe('previewing');
    const blocked = play(
      ...toFinding,
      { type: 'fix-it', fixId: 'remove-hosts-redirects' },
      { type: 'preview-ready', preview: { ...preview, blocked: 'read-only' } },
      { type: 'confirm' },
    );
    expect(blocked.step === 'finding' && blocked.card.kind).toBe('confirming');
    const applying = play(...toConfirm, { type: 'confirm' });
    for (const event of [{ type: 'skip' }, { type: 'back' }, { type: 'restart' }, { type: 'cancel-fix' }] as WizardEvent[])
      expect(advance(applying, event)).toBe(applying);
  });

  it('passed() needs a change and every re-checked check ok', () => {
    expect(passed(attempt({ kind: 'applied' }))).toBe(true);
    expect(passed(attempt({ kind: 'applied' }, []))).toBe(false);
    expect(passed(attempt({ kind: 'nothing-to-do', why: 'x' }))).toBe(false);
  });
});

describe('wizard: the end', () => {
  it('back from the end returns to the last finding left; restart starts over', () => {
    const endState = play(...toFinding, { type: 'skip' }, { type: 'skip' }, { type: 'skip' });
    expect(advance(endState, { type: 'back' })).toMatchObject({ step: 'finding', index: 2 });
    expect(advance(endState, { type: 'restart' })).toEqual(initialWizard);
  });
});

describe('wizard: what goes wrong around a step', () => {
  it('a check that could not start returns to the question with the reason, and a new start clears it', () => {
    const failed = play(
      { type: 'choose', symptom: 'update-error' },
      { type: 'start', code: '3194' },
      { type: 'check-failed', message: 'A check is already running.' },
    );
    expect(failed).toEqual({ step: 'ask', symptom: 'update-error', codeText: '3194', notice: 'A check is already running.' });
    expect(advance(failed, { type: 'start', code: '3194' })).toEqual({ step: 'checking', symptom: 'update-error', code: '3194' });
  });

  it('check-failed means nothing outside the check, and checked nothing outside it either', () => {
    const finding = play(...toFinding);
    expect(advance(finding, { type: 'check-failed', message: 'x' })).toBe(finding);
    expect(advance(finding, { type: 'checked', findings: [], cancelled: false })).toBe(finding);
    expect(advance(initialWizard, { type: 'checked', findings, cancelled: false })).toBe(initialWizard);
  });

  it('the settings page notice is kept beside the steps, and only there', () => {
    const how = play(...toFinding, { type: 'show-how' }, { type: 'how-notice', text: 'Opened the firewall settings.' });
    expect(how.step === 'finding' && how.card).toEqual({ kind: 'how', notice: 'Opened the firewall settings.' });
    const reading = play(...toFinding);
    expect(advance(reading, { type: 'how-notice', text: 'x' })).toBe(reading);
  });

  it('back or restart while checking returns to the question, keeping the answer', () => {
    const checking = play({ type: 'choose', symptom: 'sync-fails' }, { type: 'start' });
    expect(advance(checking, { type: 'back' })).toEqual({ step: 'ask', symptom: 'sync-fails', codeText: '' });
    expect(advance(checking, { type: 'restart' })).toEqual({ step: 'ask', symptom: 'sync-fails', codeText: '' });
  });

  it('nothing-to-do is said on the card and recorded; an applied fix ends "left" when the re-check still fails and nothing is next', () => {
    const nothing = play(
      ...toConfirm,
      { type: 'confirm' },
      { type: 'fix-finished', attempt: attempt({ kind: 'nothing-to-do', why: 'the line is already gone' }, []) },
    );
    expect(nothing).toMatchObject({
      card: { kind: 'reading', notice: 'Nothing was changed: the line is already gone' },
      attempts: [expect.anything()],
    });
    const failing = attempt({ kind: 'applied' }, [{ id: 'hosts:apple', title: 'H', status: 'fail', reason: 'hosts-entry' }]);
    const last = play(
      ...toFinding,
      { type: 'skip' },
      { type: 'skip' },
      { type: 'fix-it', fixId: 'remove-hosts-redirects' },
      { type: 'preview-ready', preview },
      { type: 'confirm' },
      { type: 'fix-finished', attempt: failing },
      { type: 'still-not-working' },
    );
    expect(last).toMatchObject({ step: 'end', result: 'left' });
    expect(last.step === 'end' && last.left.map((finding) => finding.id)).toEqual([
      'hosts-file-redirect',
      'https-inspection',
      'bonjour-not-running',
    ]);
  });

  it('needs-admin and changed-since-preview are failures with their reason; cancel-fix returns to the card', () => {
    for (const outcome of [
      { kind: 'needs-admin', why: 'rights are needed' },
      { kind: 'changed-since-preview', why: 'preview again' },
    ] as const) {
      expect(play(...toConfirm, { type: 'confirm' }, { type: 'fix-finished', attempt: attempt(outcome, []) })).toMatchObject({
        card: { kind: 'fix-failed', message: outcome.why },
      });
    }
    expect(play(...toConfirm, { type: 'cancel-fix' })).toEqual(play(...toFinding));
    expect(play(...toFinding, { type: 'fix-it', fixId: 'remove-hosts-redirects' }, { type: 'cancel-fix' })).toEqual(play(...toFinding));
  });

  it('a fix-finished or refusal that arrives when nothing is being applied changes nothing', () => {
    const reading = play(...toFinding);
    expect(advance(reading, { type: 'fix-finished', attempt: attempt({ kind: 'applied' }) })).toBe(reading);
    expect(advance(reading, { type: 'fix-refused', message: 'x' })).toBe(reading);
    expect(advance(reading, { type: 'confirm' })).toBe(reading);
    expect(advance(reading, { type: 'it-works' })).toBe(reading);
  });

  it('the end ignores everything but back and restart; back from a clear end returns to the question', () => {
    const clear = play({ type: 'choose', symptom: 'not-sure' }, { type: 'start' }, { type: 'checked', findings: [], cancelled: false });
    expect(advance(clear, { type: 'skip' })).toBe(clear);
    expect(advance(clear, { type: 'back' })).toEqual({ step: 'ask', symptom: 'not-sure', codeText: '' });
  });
});
