import { expect, test } from './fixtures';

// No fake internet needed: this is about the page, not the checks.
test.use({ expectedConsoleErrors: /Content Security Policy|TrustedHTML|TrustedScript/ });

test('the page runs under the strict CSP: no network, no string-built HTML', async ({ appPage: page }) => {
  const refused = await page.evaluate(async () => {
    const results: Record<string, string> = {};
    const attempt = async (name: string, action: () => unknown) => {
      try {
        await action();
        results[name] = 'allowed';
      } catch (error) {
        results[name] = `refused: ${(error as Error).name}`;
      }
    };
    const scope = globalThis as unknown as {
      document: { createElement(tag: string): { innerHTML: string } };
      fetch(url: string): Promise<unknown>;
      location: { origin: string };
    };
    // (eval is not tried: code run by page.evaluate is exempt from the page's CSP, so it would prove nothing.)
    // The page's own server answers this URL, so only connect-src 'none' can make it fail.
    await attempt('fetch', () => scope.fetch(`${scope.location.origin}/index.html`));
    await attempt('innerHTML', () => {
      scope.document.createElement('div').innerHTML = '<img src=x onerror=alert(1)>';
    });
    return results;
  });
  expect(refused).toEqual({
    fetch: 'refused: TypeError',
    innerHTML: 'refused: TypeError',
  });
});

/** A securitypolicyviolation event, as the probe page records it. */
interface Violation {
  directive: string;
  blocked: string;
}

test('script-src refuses an inline script in the app’s own page', async ({ appPage: page }) => {
  // A script added from script (textContent, append) meets Trusted Types first, whatever script-src
  // says; one written in the page's HTML does not. So the probe is the app's page as served, with
  // its CSP header and meta tag, and an inline script added to its HTML.
  const served = await page.request.get(page.url());
  const html = await served.text();
  expect(served.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(html).toContain('</head>');
  const probeUrl = new URL('inline-probe.html', page.url()).href;
  await page.route(probeUrl, (route) =>
    route.fulfill({
      response: served,
      body: html.replace('</head>', '<script>globalThis.__inline = 1</script></head>'),
    }),
  );
  // Listens before the page's first script; an init script is outside the page's CSP.
  await page.addInitScript(() => {
    const scope = globalThis as unknown as {
      document: { addEventListener(type: string, listener: (event: { effectiveDirective: string; blockedURI: string }) => void): void };
      __violations?: Violation[];
    };
    const violations: Violation[] = [];
    scope.__violations = violations;
    scope.document.addEventListener('securitypolicyviolation', (event) =>
      violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI }),
    );
  });
  await page.goto(probeUrl);
  // The app's own script ('self') still ran, so the page was not refused scripts wholesale.
  await expect(page.getByRole('button', { name: 'Run check' })).toBeVisible();
  const outcome = await page.evaluate(() => {
    const scope = globalThis as unknown as { __inline?: number; __violations?: Violation[] };
    return { ran: scope.__inline === 1, violations: scope.__violations ?? [] };
  });
  expect(outcome.ran).toBe(false);
  expect(outcome.violations).toContainEqual({ directive: expect.stringMatching(/^script-src/), blocked: 'inline' });
});
