// What every wizard spec does at each step: an accessibility check (axe: no serious or critical
// violation) and a screenshot in light and dark.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, snap } from './fixtures';

export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    blocking.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    'axe: serious or critical violations',
  ).toEqual([]);
}

/** Checks the step with axe in both colour schemes and keeps a screenshot of each. */
export async function wizardStep(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page);
    await snap(page, `${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The wizard's screen. */
export function wizard(page: Page): Locator {
  return page.getByRole('region', { name: 'Fix my sync' });
}

/** The step's heading, which has focus after a step change. */
export async function expectStep(page: Page, name: string | RegExp): Promise<void> {
  const heading = wizard(page).getByRole('heading', { name });
  await expect(heading).toBeVisible({ timeout: 60_000 });
  await expect(heading).toBeFocused();
}
