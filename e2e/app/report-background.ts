import type { Locator, Page } from '@playwright/test';

/** The support report's background colour as the page computes it now (light or dark theme, paper or screen). */
export function reportBackground(scope: Page | Locator): Promise<string> {
  return scope
    .locator('.sd-report')
    .evaluate(
      (element) =>
        (globalThis as unknown as { getComputedStyle(node: unknown): { backgroundColor: string } }).getComputedStyle(element)
          .backgroundColor,
    );
}
