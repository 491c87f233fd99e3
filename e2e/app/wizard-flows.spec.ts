import { expect, requireNamespace, showScreen, test, useWorld } from './fixtures';
import { expectStep, wizard, wizardStep } from './wizard-steps';

requireNamespace();

test.describe('"Fix my sync" with HTTPS inspection', () => {
  useWorld({ defaultFault: 'intercept' });

  test('Sync fails → the interception → Show me how names the interceptor → Still not working → what is left', async ({ appPage: page }) => {
    const screen = wizard(page);
    await screen.getByRole('button', { name: /^Sync fails/ }).click();
    await expectStep(page, "Something on this computer or network opens Apple's secure connections");
    await expect(screen.getByText('Cause 1 of 1')).toBeVisible();
    await wizardStep(page, 'wizard-finding-intercept');

    await screen.getByRole('button', { name: 'Show me how' }).click();
    await expectStep(page, 'How to fix it yourself');
    const how = screen.getByRole('region', { name: 'How to fix it yourself' });
    await expect(how.getByText(/^Found on this computer or network:/)).toContainText('Contoso Web Shield Root CA');
    // This is a Linux build, so the steps are Windows's; no settings page can be opened here, so no button says it can.
    await expect(how.getByRole('listitem').first()).toContainText('turn off HTTPS (SSL/TLS) scanning');
    await expect(how.getByRole('button', { name: /^Open/ })).toHaveCount(0);
    await wizardStep(page, 'wizard-how-intercept');

    await how.getByRole('button', { name: 'Still not working' }).click();
    await expectStep(page, 'Here is what is left');
    await expect(screen.getByRole('region', { name: 'Not solved yet' })).toContainText("Something on this computer or network opens Apple's secure connections");
    await wizardStep(page, 'wizard-end-left');

    await screen.getByRole('button', { name: 'Back', exact: true }).click();
    await expectStep(page, "Something on this computer or network opens Apple's secure connections");
  });
});

test.describe('"Fix my sync" with no network at all', () => {
  useWorld({ dns: 'absent', defaultFault: 'drop' });

  test('one finding, not forty, even when the check ends while another screen is shown', async ({ appPage: page }) => {
    const screen = wizard(page);
    await screen.getByRole('button', { name: /^Not sure/ }).click();
    await expect(screen.getByRole('heading', { name: 'Checking the network and this computer' })).toBeVisible();
    await showScreen(page, 'Servers');
    await expect(page.getByRole('button', { name: 'Run again' })).toBeVisible({ timeout: 60_000 });
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Fix my sync' }).click();
    await expect(screen.getByRole('heading', { level: 1, name: 'This computer cannot reach the internet' })).toBeVisible();
    await expect(screen.getByText('Cause 1 of 1')).toBeVisible();
    await wizardStep(page, 'wizard-finding-offline');
    await screen.getByRole('button', { name: 'Skip' }).click();
    await expectStep(page, 'Here is what is left');
    await expect(screen.getByRole('region', { name: 'Not solved yet' }).getByRole('listitem')).toHaveCount(1);
  });
});

test.describe('"Fix my sync" on a healthy network', () => {
  useWorld({ dns: 'normal' });

  test('says plainly that the network and this computer look fine, and what else it could be', async ({ appPage: page }) => {
    const screen = wizard(page);
    await screen.getByRole('button', { name: /^Device not recognized/ }).click();
    await expectStep(page, 'The network and this computer look fine');
    const elsewhere = screen.getByRole('region', { name: 'What else it could be' });
    for (const what of ['The cable or port', 'The Trust prompt', 'Storage on the device']) await expect(elsewhere).toContainText(what);
    await wizardStep(page, 'wizard-end-clear');
    await screen.getByRole('button', { name: 'See every check' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'This computer can reach Apple' })).toBeVisible();
  });
});

test.describe('"Fix my sync" while the checks are slow', () => {
  // Answers take 20 s and main waits for them: the run is surely still going when Cancel is pressed.
  useWorld({ delays: { tlsMs: 300, httpMs: 20_000 } });
  test.use({ checkTimeoutMs: 30_000 });

  test('shows live progress and the checks that decide the code first; Cancel keeps what was found', async ({ appPage: page, app }) => {
    const screen = wizard(page);
    await screen.getByRole('button', { name: /^Update or restore shows an error/ }).click();
    await page.keyboard.type('3194');
    await page.keyboard.press('Enter');
    await expectStep(page, 'Checking the network and this computer');
    await expect(screen.getByRole('status')).toHaveText(/^\d+ of \d+ checks done/);
    const deciding = screen.getByRole('region', { name: 'The checks that decide error 3194' });
    await expect(deciding.getByRole('listitem').filter({ hasText: 'gs.apple.com:443' })).toBeVisible();
    await expect(deciding.getByRole('listitem').filter({ hasText: /hosts file/i }).first()).toBeVisible();
    await wizardStep(page, 'wizard-checking');

    // Another screen and back: the wizard is where it was.
    await showScreen(page, 'Overview');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Fix my sync' }).click();
    await expect(screen.getByRole('heading', { name: 'Checking the network and this computer' })).toBeVisible();

    await screen.getByRole('button', { name: 'Cancel' }).click();
    await expect(screen.getByText(/cancelled before it finished/)).toBeVisible({ timeout: 30_000 });
    const finished = app.events.filter((event) => event.type === 'run-finished');
    expect(finished).toHaveLength(1);
    expect(finished[0]?.type === 'run-finished' && finished[0].header.cancelled).toBe(true);
    await wizardStep(page, 'wizard-cancelled');
  });
});
