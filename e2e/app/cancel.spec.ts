import { expect, requireNamespace, showScreen, snap, test, useWorld } from './fixtures';

requireNamespace();

test.describe('cancelling a slow run', () => {
  // Every answer takes a while, so the run is still going when the user cancels.
  useWorld({ delays: { tlsMs: 300, httpMs: 2500 } });

  test('stops mid-run, says how far it got, and can run again', async ({ appPage: page, app }) => {
    await showScreen(page, 'Overview');
    await page.getByRole('button', { name: 'Run check' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Checking…' })).toBeVisible();
    await expect(page.getByText(/^\d+ of \d+ checks done$/)).toBeVisible();
    await showScreen(page, 'Servers');
    await expect(page.getByRole('row', { name: /^Checking albert\.apple\.com:443/ })).toBeVisible();
    await snap(page, 'running-servers');
    await showScreen(page, 'Overview');
    await snap(page, 'running-overview');

    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check cancelled' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText(/\d+ of \d+ checks finished before you cancelled/);
    await expect(page.getByRole('banner')).toContainText(/Cancelled after \d+ of \d+ checks/);
    await snap(page, 'cancelled-overview');
    await showScreen(page, 'Servers');
    await expect(page.getByRole('row', { name: /Cancelled before this check finished/ }).first()).toBeVisible();
    await snap(page, 'cancelled-servers');

    const finished = app.events.filter((event) => event.type === 'run-finished');
    expect(finished).toHaveLength(1);
    expect(finished[0]?.type === 'run-finished' && finished[0].header.cancelled).toBe(true);
    const runIds = new Set(app.events.map((event) => event.runId));
    expect(runIds.size).toBe(1);

    await showScreen(page, 'Overview');
    await page.getByRole('button', { name: 'Run again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Checking…' })).toBeVisible();
    await expect.poll(() => new Set(app.events.map((event) => event.runId)).size).toBe(2);
  });
});
