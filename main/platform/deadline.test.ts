import { describe, expect, it } from 'vitest';
import { collectGarbageSoon } from '../../test-support/force-gc';
import { isDeadline, withDeadline } from './deadline';

describe('withDeadline', () => {
  // Node 20's AbortSignal.any holds an AbortSignal.timeout source only weakly: once collected, the
  // combined signal never aborted, and a server check waiting on a dropped connection hung for good.
  it('aborts at its deadline even when garbage is collected before it, under a parent signal', async () => {
    const parent = new AbortController();
    const signal = withDeadline(parent.signal, 50);
    await collectGarbageSoon();
    // A timer for the same delay, set after the deadline's: Node runs them in the order they were set.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(signal.aborted).toBe(true);
    expect(isDeadline(signal)).toBe(true);
  });

  it('aborts at its deadline after a garbage collection without a parent too', async () => {
    const signal = withDeadline(undefined, 50);
    await collectGarbageSoon();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(isDeadline(signal)).toBe(true);
  });

  it("aborts with the parent's reason when the parent aborts first", () => {
    const parent = new AbortController();
    const signal = withDeadline(parent.signal, 60_000);
    parent.abort(new Error('cancelled by the user'));
    expect(signal.aborted).toBe(true);
    expect(isDeadline(signal)).toBe(false);
    expect((signal.reason as Error).message).toBe('cancelled by the user');
  });

  it('is aborted at once under a parent that already is', () => {
    const parent = new AbortController();
    parent.abort();
    expect(withDeadline(parent.signal, 60_000).aborted).toBe(true);
  });
});
