import { expect, portRow, requireNamespace, runToEnd, showScreen, snap, test, useWorld } from './fixtures';

requireNamespace();

test.describe('a healthy internet', () => {
  useWorld({ dns: 'normal' });

  test('says this computer can reach Apple, and shows every server reached', async ({ appPage: page, app }) => {
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
