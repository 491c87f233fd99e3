import { expect, portRow, requireNamespace, runToEnd, showScreen, snap, test, useWorld } from './fixtures';

requireNamespace();

test.describe('some servers blocked by a firewall', () => {
  useWorld({ faults: { 'gs.apple.com': 'reset', 'albert.apple.com': 'drop', 'mesu.apple.com': 'reset' } });

  test('names the blocked servers in plain words and shows which layer failed', async ({ appPage: page }) => {
    await runToEnd(page);
    await expect(page.getByRole('heading', { level: 1, name: 'We found a problem' })).toBeVisible();
    const finding = page.getByRole('article', { name: "A firewall blocks Apple's servers" });
    for (const host of ['gs.apple.com', 'albert.apple.com', 'mesu.apple.com']) await expect(finding).toContainText(host);
    await expect(finding.getByRole('heading', { name: 'What to do' })).toBeVisible();
    await finding.getByText(/What this is based on \(\d+ checks\)/).click();
    await expect(finding.getByText('gs.apple.com:443', { exact: true })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByLabel(/problems$/)).toBeVisible();
    await snap(page, 'blocked-overview');

    await showScreen(page, 'Servers');
    const gs = page.getByRole('row', { name: /^Problem gs\.apple\.com:443/ });
    await expect(gs).toContainText('refused the connection');
    await expect(gs.getByLabel('DNS ok')).toBeVisible();
    await expect(gs.getByLabel('TCP failed')).toBeVisible();
    await expect(gs.getByLabel('TLS not reached')).toBeVisible();
    const albert = page.getByRole('row', { name: /^Problem albert\.apple\.com:443/ });
    await expect(albert).toContainText('No answer from albert.apple.com');
    await expect(page.getByRole('row', { name: /^OK itunes\.apple\.com:443/ })).toContainText('Sync Doctor Test');
    await snap(page, 'blocked-servers');

    await page.emulateMedia({ colorScheme: 'dark' });
    await snap(page, 'blocked-servers-dark');
    await showScreen(page, 'Overview');
    await snap(page, 'blocked-overview-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await page.setViewportSize({ width: 600, height: 520 });
    await snap(page, 'blocked-overview-small');
    await showScreen(page, 'Servers');
    await expect(page.getByRole('button', { name: 'Run again' })).toBeVisible();
    await snap(page, 'blocked-servers-small');
  });
});

test.describe('secure connections intercepted by an inspecting product', () => {
  useWorld({ defaultFault: 'intercept' });

  test('says something is intercepting, and shows the foreign issuer', async ({ appPage: page }) => {
    await runToEnd(page);
    await expect(page.getByRole('heading', { level: 1, name: 'We found a problem' })).toBeVisible();
    const finding = page.getByRole('article', { name: "Something on this computer or network opens Apple's secure connections" });
    await expect(finding).toContainText('Contoso Web Shield Root CA');
    await expect(page.getByRole('article')).toHaveCount(1);
    await snap(page, 'intercepted-overview');
    await showScreen(page, 'Servers');
    const albert = page.getByRole('row', { name: /^Problem albert\.apple\.com:443/ });
    await expect(albert.getByLabel('TLS failed')).toBeVisible();
    await expect(albert.getByLabel('HTTP not reached')).toBeVisible();
    // The issuer cell names the product that re-signed the certificate (the fake internet's "Contoso" CA).
    await expect(albert.getByRole('cell').last()).toHaveText('Contoso Web Shield Root CA (Contoso Security)');
    await snap(page, 'intercepted-servers');
  });
});

test.describe('no network at all', () => {
  useWorld({ dns: 'absent', defaultFault: 'drop' });

  test('says the computer seems to be offline instead of listing every server', async ({ appPage: page }) => {
    await runToEnd(page);
    await expect(page.getByRole('heading', { level: 1, name: 'We found a problem' })).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(page.getByRole('article', { name: 'This computer cannot reach the internet' })).toBeVisible();
    await expect(
      page.getByRole('article', { name: 'This computer cannot reach the internet' }).getByRole('heading', { name: 'What to do' }),
    ).toBeVisible();
    await snap(page, 'offline-overview');
    await showScreen(page, 'Ports');
    await expect(portRow(page, 'TCP 554')).toContainText('Blocked: 554');
    await snap(page, 'offline-ports');
  });
});
