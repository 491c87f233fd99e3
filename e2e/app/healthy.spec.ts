import { expect, portRow, requireNamespace, runToEnd, showScreen, snap, test, useWorld } from './fixtures';

requireNamespace();

test.describe('a healthy internet', () => {
  useWorld({ dns: 'normal' });

  test('says this computer can reach Apple, and shows every server reached', async ({ appPage: page, app }) => {
    await showScreen(page, 'Overview');
    await expect(page.getByRole('heading', { level: 1, name: 'Not checked yet' })).toBeVisible();
    await snap(page, 'overview-empty');
    await runToEnd(page);
    await expect(page.getByRole('heading', { level: 1, name: 'This computer can reach Apple' })).toBeVisible();
    await snap(page, 'healthy-overview');
    const before = page.url();
    await page.getByRole('link', { name: /Apple's list for enterprise networks/ }).click();
    await expect.poll(() => app.opened).toEqual(['https://support.apple.com/HT210060']);
    expect(page.url()).toBe(before);
    await showScreen(page, 'Servers');
    // Every server the engine could test was reached, and the screen shows each one as OK.
    // Each result reached the page once, in its check-result event.
    const servers = app.events.flatMap((event) => (event.type === 'check-result' && event.result.kind === 'server' ? [event.result] : []));
    const testable = servers.filter((check) => check.reason !== 'not-testable');
    expect(testable.length).toBeGreaterThan(20);
    expect(testable.filter((check) => check.status !== 'ok').map((check) => check.id)).toEqual([]);
    const rows = page
      .getByRole('table', { name: /Apple servers/ })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader') });
    await expect(rows).toHaveCount(servers.length);
    await expect(page.getByRole('row', { name: /^OK / })).toHaveCount(testable.length);
    await expect(page.getByRole('row', { name: /^Skipped / })).toHaveCount(servers.length - testable.length);
    const gs = page.getByRole('row', { name: /^OK gs\.apple\.com:443/ });
    for (const layer of ['DNS', 'TCP', 'TLS', 'HTTP']) await expect(gs.getByLabel(`${layer} ok`)).toBeVisible();
    await expect(gs.getByRole('cell').last()).toHaveText(/^Sync Doctor Test/);
    await snap(page, 'healthy-servers');
    await showScreen(page, 'Ports');
    await expect(portRow(page, 'TCP 554')).toContainText('Open');
    await expect(portRow(page, 'UDP 554')).toContainText('Not testable');
    await expect(portRow(page, 'UDP 554')).toContainText('TCP 554 is tested');
    await snap(page, 'healthy-ports');
    await showScreen(page, 'Processes');
    await snap(page, 'healthy-processes');
  });
});
