import type { FixPreviewResponse } from '../../app/ipc/contract';
import { expect, requireNamespace, test, useWorld } from './fixtures';
import { expectStep, wizard } from './wizard-steps';

requireNamespace();

interface PageApi {
  syncDoctor: { previewFix(request: unknown): Promise<FixPreviewResponse>; applyFix(request: unknown): Promise<unknown> };
}

test.describe('fixes named by the page', () => {
  useWorld({ faults: { 'gs.apple.com': 'hosts-block' } });

  test('main refuses a fix it did not offer, and any fix of an older run, through the real IPC', async ({ appPage: page, app }) => {
    const screen = wizard(page);
    await screen.getByRole('button', { name: /^Not sure/ }).click();
    await expectStep(page, "The hosts file sends Apple's servers to the wrong place");
    const runIdOf = (index: number) => {
      const finished = app.events.filter((event) => event.type === 'run-finished');
      return finished[index]?.runId ?? '';
    };
    const first = runIdOf(0);
    const preview = (request: object) => page.evaluate((r) => (globalThis as unknown as PageApi).syncDoctor.previewFix(r), request);

    // Offered for this run: answered with the exact steps.
    expect(await preview({ runId: first, findingId: 'hosts-file-redirect', fixId: 'remove-hosts-redirects' })).toMatchObject({ ok: true });
    // A real fix id, but not one main offered for this finding (or a finding this run does not have).
    expect(await preview({ runId: first, findingId: 'hosts-file-redirect', fixId: 'sync-clock' })).toMatchObject({ ok: false, why: 'unknown' });
    expect(await preview({ runId: first, findingId: 'clock-wrong', fixId: 'sync-clock' })).toMatchObject({ ok: false, why: 'unknown' });
    // Apply without a preview of that pair is refused too.
    expect(
      await page.evaluate(
        (r) => (globalThis as unknown as PageApi).syncDoctor.applyFix(r),
        { runId: first, findingId: 'hosts-file-redirect', fixId: 'flush-dns' },
      ),
    ).toMatchObject({ ok: false, why: 'not-previewed' });

    // A newer run makes every offer of the first one stale.
    await page.getByRole('button', { name: 'Run again' }).click();
    await expect.poll(() => runIdOf(1), { timeout: 60_000 }).not.toBe('');
    expect(await preview({ runId: first, findingId: 'hosts-file-redirect', fixId: 'remove-hosts-redirects' })).toMatchObject({ ok: false, why: 'stale' });
    expect(await preview({ runId: runIdOf(1), findingId: 'hosts-file-redirect', fixId: 'remove-hosts-redirects' })).toMatchObject({ ok: true });
    // The wizard's own fix request, for the older run, is refused and shown as such.
    await screen.getByRole('region', { name: 'Remove the hosts-file lines that redirect Apple servers' }).getByRole('button', { name: 'Fix it' }).click();
    await expectStep(page, 'The fix did not go through');
    await expect(screen.getByText('That run is over: a newer check has started since.')).toBeVisible();
  });
});
