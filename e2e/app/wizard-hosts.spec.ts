import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { expect, requireNamespace, test, useWorld } from './fixtures';
import { expectStep, wizard, wizardStep } from './wizard-steps';

requireNamespace();

// The namespace's /etc/hosts is a bind mount of this file (e2e/fake-internet/in-netns.mjs): the
// desktop fix session, running in the test process inside the namespace, really edits it.
const hostsFile = process.env['SYNC_DOCTOR_TEST_HOSTS_FILE'] ?? '';
const backups = async () => (await readdir(path.dirname(hostsFile))).filter((name) => name.includes('.sync-doctor-'));

test.describe('"Fix my sync" with a hosts-file redirect of gs.apple.com', () => {
  useWorld({ faults: { 'gs.apple.com': 'hosts-redirect' } });
  let earlier: string[] = [];
  test.beforeEach(async () => {
    earlier = await backups();
  });
  test.afterEach(async () => {
    for (const name of await backups()) if (!earlier.includes(name)) await rm(path.join(path.dirname(hostsFile), name));
  });

  test('error 3194 → the hosts finding first → Fix it → confirm → the line is gone and gs.apple.com passes → It works → Fixed', async ({ appPage: page }) => {
    const redirect = (await readFile('/etc/hosts', 'utf8')).split('\n').find((line) => line.endsWith(' gs.apple.com'));
    expect(redirect, 'the world wrote the redirect').toBeDefined();

    const screen = wizard(page);
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Fix my sync' })).toHaveAttribute('aria-current', 'page');
    await expect(screen.getByRole('heading', { level: 1, name: 'What is happening?' })).toBeVisible();
    await wizardStep(page, 'wizard-ask');

    // Keyboard alone: Tab to the choice, Enter; the field takes focus and checks as they type.
    await screen.getByRole('button', { name: /^Update or restore shows an error/ }).focus();
    await page.keyboard.press('Enter');
    const field = screen.getByRole('textbox', { name: 'The error number' });
    await expect(field).toBeFocused();
    await page.keyboard.type('31x');
    await expect(screen.getByText('That is not an error code: type only the number, such as 3194 or -54.')).toBeVisible();
    await expect(screen.getByRole('button', { name: 'Check', exact: true })).toBeDisabled();
    await field.fill('123456');
    await expect(screen.getByText(/^Error 123456 is not one we know/)).toBeVisible();
    await field.fill('');
    await page.keyboard.type('3194');
    await expect(screen.getByText('Error 3194: The update could not be signed by Apple')).toBeVisible();
    await wizardStep(page, 'wizard-ask-code');
    await page.keyboard.press('Enter');

    // Step 3: the hosts finding first, because it explains 3194.
    await expectStep(page, "The hosts file sends Apple's servers to the wrong place");
    await expect(screen.getByText('Cause 1 of', { exact: false })).toBeVisible();
    await expect(screen.getByText(/^How sure: /)).toBeVisible();
    await wizardStep(page, 'wizard-finding-hosts');
    await screen.getByText(/^What this is based on/).click();
    const gsEvidence = screen.getByRole('listitem').filter({ hasText: 'gs.apple.com:443' });
    await expect(gsEvidence.getByRole('list', { name: 'Layers' })).toBeVisible();
    const offer = screen.getByRole('region', { name: 'Remove the hosts-file lines that redirect Apple servers' });
    await expect(offer).toContainText('Can be undone');
    await expect(offer).toContainText('Needs administrator rights');
    await offer.getByText('Show details').click();
    await expect(offer.getByRole('code').filter({ hasText: redirect! })).toBeVisible();
    await wizardStep(page, 'wizard-finding-hosts-details');

    await offer.getByRole('button', { name: 'Fix it' }).click();
    const confirm = screen.getByRole('dialog');
    await expect(confirm.getByRole('heading', { name: /\?$/ })).toBeFocused();
    await expect(confirm.getByRole('code').filter({ hasText: redirect! })).toBeVisible();
    await expect(confirm.getByRole('code').filter({ hasText: '/etc/hosts' }).first()).toBeVisible();
    expect(await readFile('/etc/hosts', 'utf8'), 'nothing changes before the confirmation').toContain(redirect!);
    await wizardStep(page, 'wizard-confirm');
    await confirm.getByRole('button', { name: 'Yes, fix it' }).click();

    // Step 4: the re-check turns gs.apple.com green; the file really changed.
    await expectStep(page, 'Fixed: the checks pass now');
    const gsRow = screen.getByRole('row', { name: /^gs\.apple\.com:443/ });
    await expect(gsRow.getByRole('cell').nth(0)).toContainText('Problem');
    await expect(gsRow.getByRole('cell').nth(1)).toContainText('OK');
    const hostsNow = await readFile('/etc/hosts', 'utf8');
    expect(hostsNow).not.toContain(redirect!);
    expect(hostsNow).toBe(await readFile(hostsFile, 'utf8'));
    expect(hostsNow).toContain('127.0.0.1 localhost');
    await wizardStep(page, 'wizard-applied');

    await screen.getByRole('button', { name: 'It works' }).click();
    await expectStep(page, 'Fixed');
    await expect(screen.getByRole('region', { name: 'What was done' })).toContainText('Remove the hosts-file lines');
    await wizardStep(page, 'wizard-end-fixed');
    // No support-report buttons until that feature exists.
    await expect(screen.getByRole('button', { name: /report|forum/i })).toHaveCount(0);

    await screen.getByRole('button', { name: 'Start over' }).click();
    await expectStep(page, 'What is happening?');
  });
});
