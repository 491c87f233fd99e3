import { expect, test } from './fixtures';

// The page talks to main through the real preload and the real handlers (desktop-main.ts); these
// are the messages main must refuse. No fake internet needed: nothing here runs a check.

interface PageApi {
  syncDoctor: { appInfo(): Promise<unknown>; cancelCheck(runId: unknown): Promise<unknown> };
}

/** Calls the API in the page and says how the call ended. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'answered';
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  }
}

test('answers the app’s own page', async ({ appPage: page, app }) => {
  const answer = await page.evaluate(() => (globalThis as unknown as PageApi).syncDoctor.appInfo());
  expect(answer).toMatchObject({ name: 'Sync Doctor', catalog: { source: 'built-in' } });
  expect(app.refusals).toEqual([]);
});

test('refuses a request whose payload breaks the contract, before any handler runs', async ({ page, app, rendererUrl }) => {
  await page.goto(rendererUrl);
  await expect(page.getByRole('button', { name: 'Run check' })).toBeVisible();
  const result = await page.evaluate(async () => {
    try {
      await (globalThis as unknown as PageApi).syncDoctor.cancelCheck(42);
      return 'answered';
    } catch (error) {
      return `refused: ${(error as Error).message}`;
    }
  });
  expect(result).toMatch(/refused: .*Invalid request: runId/);
  expect(app.refusals).toEqual([expect.stringMatching(/^refused check:cancel: invalid payload \(runId: /)]);
  expect(app.events).toEqual([]);
});

test.describe('a page that is not the app', () => {
  test.use({ expectedConsoleErrors: /Refused/ });

  test('is refused when it has another origin', async ({ page, app, rendererUrl }) => {
    // The same files from another origin: what a page the window was navigated to would be.
    const elsewhere = rendererUrl.replace('127.0.0.1', 'localhost');
    expect(elsewhere).not.toBe(rendererUrl);
    await page.goto(elsewhere);
    const result = await page.evaluate(() =>
      (globalThis as unknown as PageApi).syncDoctor.appInfo().then(
        () => 'answered',
        (error: Error) => `refused: ${error.message}`,
      ),
    );
    expect(result).toContain('Refused: unexpected origin http://localhost:');
    expect(app.refusals).toContainEqual(expect.stringMatching(/^refused app:info: unexpected origin http:\/\/localhost:/));
  });

  test('is refused from a frame inside the app’s origin', async ({ page, app, rendererUrl }) => {
    // A host page and a child frame on the app's own origin: only the main frame may talk to main.
    const host = new URL('frame-host.html', rendererUrl).href;
    const child = new URL('frame-child.html', rendererUrl).href;
    await page.route(host, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>host</title><iframe src="${child}"></iframe>` }),
    );
    await page.route(child, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>child</title>' }));
    await page.goto(host);
    const frame = page.frame({ url: child });
    if (!frame) throw new Error('the child frame did not load');
    const fromChild = await frame.evaluate(() =>
      (globalThis as unknown as PageApi).syncDoctor.appInfo().then(
        () => 'answered',
        (error: Error) => `refused: ${error.message}`,
      ),
    );
    expect(fromChild).toContain('Refused: not the main frame');
    expect(app.refusals).toEqual(['refused app:info: not the main frame']);
    // The host page itself is the main frame on the app's origin: it is answered.
    expect(await outcome(page.evaluate(() => (globalThis as unknown as PageApi).syncDoctor.appInfo()))).toBe('answered');
  });
});
