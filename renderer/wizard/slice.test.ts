import { describe, expect, it } from 'vitest';
import { healthyChecks, intercepted, withChecks } from '../../app/diagnosis/fixtures/runs';
import type { FixOffer } from '../../app/fixes/preview';
import { createAppStore } from '../store/store';
import { finished, RUN, started } from '../test-fixtures';
import { offersFor } from './slice';

const checks = withChecks(healthyChecks(), { 'server:mesu.apple.com:443': intercepted() });
const offer: FixOffer = {
  findingId: 'https-inspection',
  fixId: 'open-security-settings',
  title: 'Open the security settings',
  changes: 'Opens them.',
  needsAdmin: false,
  undoable: false,
  guidance: true,
};

function checking() {
  const store = createAppStore();
  store.getState().wizardEvent({ type: 'choose', symptom: 'sync-fails' });
  store.getState().wizardEvent({ type: 'start' });
  store.getState().runStarting();
  store.getState().runEvent(started([]));
  return store;
}

describe('the wizard slice', () => {
  it('takes the findings of the run it is checking, from that run’s end only, and asks for its offers', () => {
    const store = checking();
    const other = finished(checks, false, 'other-run');
    store.getState().runEvent(other);
    expect(store.getState().wizardRunEvent(other)).toBeUndefined();
    expect(store.getState().wizard.step).toBe('checking');

    const mine = finished(checks);
    store.getState().runEvent(mine);
    expect(store.getState().wizardRunEvent(mine)).toBe(RUN);
    expect(store.getState().wizard).toMatchObject({ step: 'finding', index: 0, queue: [{ id: 'https-inspection' }] });
    expect(store.getState().fixOffers).toEqual({ status: 'loading', runId: RUN });
    // Once past checking, another run's end changes nothing.
    expect(store.getState().wizardRunEvent(mine)).toBeUndefined();
  });

  it('keeps the offers of its own run only, and says why when main could not list them', () => {
    const store = checking();
    store.getState().runEvent(finished(checks));
    store.getState().wizardRunEvent(finished(checks));
    store.getState().fixOffersSettled('older-run', { ok: true, offers: [offer] });
    expect(store.getState().fixOffers.status).toBe('loading');
    store.getState().fixOffersSettled(RUN, { ok: true, offers: [offer] });
    expect(offersFor(store.getState().fixOffers, 'https-inspection')).toEqual([offer]);
    expect(offersFor(store.getState().fixOffers, 'hosts-file-redirect')).toEqual([]);
    store.getState().fixOffersSettled(RUN, { ok: false, message: 'No check has run yet.' });
    expect(store.getState().fixOffers).toEqual({ status: 'failed', runId: RUN, message: 'No check has run yet.' });
  });

  it('a cancelled run is still read: what it found, marked partial', () => {
    const store = checking();
    const cancelled = finished(checks, true);
    store.getState().runEvent(cancelled);
    store.getState().wizardRunEvent(cancelled);
    expect(store.getState().wizard).toMatchObject({ step: 'finding', partial: true });
  });
});
