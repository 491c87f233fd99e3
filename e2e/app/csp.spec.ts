import { expect, test } from './fixtures';

// No fake internet needed: this is about the page, not the checks.
test.use({ expectedConsoleErrors: /Content Security Policy|TrustedHTML|TrustedScript/ });

test('the page runs under the strict CSP: no inline script, no network, no string-built HTML', async ({ appPage: page }) => {
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
      document: { createElement(tag: string): { textContent: string; innerHTML: string }; body: { append(node: unknown): void } };
      fetch(url: string): Promise<unknown>;
      location: { origin: string };
      __inline?: number;
    };
    // (eval is not tried: code run by page.evaluate is exempt from the page's CSP, so it would prove nothing.)
    // The page's own server answers this URL, so only connect-src 'none' can make it fail.
    await attempt('fetch', () => scope.fetch(`${scope.location.origin}/index.html`));
    await attempt('innerHTML', () => {
      scope.document.createElement('div').innerHTML = '<img src=x onerror=alert(1)>';
    });
    await attempt('inline script', () => {
      const script = scope.document.createElement('script');
      script.textContent = 'globalThis.__inline = 1';
      scope.document.body.append(script);
    });
    results['inline script ran'] = String(scope.__inline === 1);
    return results;
  });
  expect(refused).toEqual({
    fetch: 'refused: TypeError',
    innerHTML: 'refused: TypeError',
    'inline script': 'refused: TypeError',
    'inline script ran': 'false',
  });
});
