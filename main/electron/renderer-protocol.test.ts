import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, metaCsp, resolveRendererRequest, serveRendererRequest } from './renderer-protocol';

const CSP = "default-src 'none'; script-src 'self'";
let scratch: string;
let root: string;

beforeAll(async () => {
  // A built renderer folder, and beside it a file that must never be served.
  scratch = await mkdtemp(path.join(tmpdir(), 'sd-protocol-'));
  root = path.join(scratch, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(
    path.join(root, 'index.html'),
    `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}" /><title>x</title>`,
  );
  await writeFile(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'index-abc123.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'icon.svg'), '<svg/>');
  await writeFile(path.join(root, 'assets', 'tool.exe'), 'MZ');
  await writeFile(path.join(scratch, 'secret.txt'), 'do not serve');
  await writeFile(path.join(scratch, 'secret.js'), 'do not serve');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serveRendererRequest({ method, url }, root);

describe('the app:// protocol handler', () => {
  it('serves the page and its assets with their content types', async () => {
    const page = await get(APP_ENTRY_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>x</title>');
    for (const [url, type] of [
      ['app://sync-doctor/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
      ['app://sync-doctor/assets/index-abc123.css', 'text/css; charset=utf-8'],
      ['app://sync-doctor/assets/icon.svg', 'image/svg+xml'],
    ] as const) {
      const answer = await get(url);
      expect(answer.status, url).toBe(200);
      expect(answer.headers.get('content-type'), url).toBe(type);
      expect(answer.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
    expect((await get('app://sync-doctor/')).status).toBe(200);
  });

  it("sends the page's own CSP as a header, so it holds from the first byte", async () => {
    expect((await get(APP_ENTRY_URL)).headers.get('content-security-policy')).toBe(CSP);
    expect((await get('app://sync-doctor/assets/index-abc123.js')).headers.get('content-security-policy')).toBeNull();
  });

  it('answers HEAD without a body', async () => {
    const head = await get(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('never leaves the renderer folder, however the path is written', async () => {
    for (const url of [
      'app://sync-doctor/../secret.txt',
      'app://sync-doctor/%2e%2e/secret.js',
      'app://sync-doctor/assets/..%2f..%2fsecret.js',
      'app://sync-doctor/assets/..%5c..%5csecret.js',
      'app://sync-doctor/..%5csecret.js',
      'app://sync-doctor/assets/%2e%2e/%2e%2e/secret.js',
      `app://sync-doctor/${encodeURIComponent(path.join(scratch, 'secret.js'))}`,
      'app://sync-doctor/C:%5cWindows%5cwin.ini',
      'app://sync-doctor/index.html%00.js',
      'app://sync-doctor//etc/passwd',
    ]) {
      const answer = await get(url);
      expect(answer.status, url).toBeGreaterThanOrEqual(400);
      expect(await answer.text(), url).not.toContain('do not serve');
    }
  });

  it('serves nothing for another host, port or user, or a method other than GET and HEAD', async () => {
    expect((await get('app://evil.example/index.html')).status).toBe(404);
    expect((await get('app://sync-doctor:8080/index.html')).status).toBe(404);
    expect((await get('app://user:pw@sync-doctor/index.html')).status).toBe(404);
    expect((await get('file:///etc/passwd')).status).toBe(404);
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
  });

  it('says 404 for a missing file, a folder, and a file type the app does not ship', async () => {
    expect((await get('app://sync-doctor/nope.js')).status).toBe(404);
    expect((await get('app://sync-doctor/assets/')).status).toBe(404);
    expect((await get('app://sync-doctor/assets')).status).toBe(404);
    expect((await get('app://sync-doctor/assets/tool.exe')).status).toBe(404);
    expect((await get('app://sync-doctor/%E0%A4%A')).status).toBe(400);
  });

  it('resolves requests without touching the disk', () => {
    expect(resolveRendererRequest('GET', 'app://Sync-Doctor/assets/a.js', '/r')).toEqual({
      kind: 'file',
      file: path.join('/r', 'assets', 'a.js'),
      contentType: 'text/javascript; charset=utf-8',
      head: false,
    });
    expect(resolveRendererRequest('GET', 'not a url', '/r')).toMatchObject({ kind: 'refused', status: 400 });
  });

  it('reads the CSP out of a meta tag', () => {
    expect(metaCsp(`<meta charset="utf-8"><meta\n http-equiv="Content-Security-Policy"\n content="a 'self'" />`)).toBe("a 'self'");
    expect(metaCsp('<meta name="x" content="y">')).toBeUndefined();
  });
});
