// The renderer is served from app://sync-doctor/, a standard, secure custom scheme, instead of
// file://. A file:// page gets privileges no web page has (with the grantFileProtocolExtraPrivileges
// fuse on), and 'self' in its CSP means every file on the disk; app://sync-doctor is one origin
// that serves only the built renderer folder. Free of Electron, so it is tested directly;
// index.ts registers the scheme and hands requests to serveRendererRequest.

import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'sync-doctor';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** What the built renderer ships, by extension; anything else is not served. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export type RendererRequest =
  { kind: 'file'; file: string; contentType: string; head: boolean } | { kind: 'refused'; status: 400 | 404 | 405; why: string };

/**
 * Which file of `root` (the built renderer folder) a request asks for. Pure. Only GET and HEAD
 * of app://sync-doctor/...; every path segment is decoded and must be a plain name, so no
 * "..", encoded slash or backslash, drive letter or NUL can lead out of `root`; and only the
 * file types the renderer ships.
 */
export function resolveRendererRequest(method: string, rawUrl: string, root: string): RendererRequest {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refused', status: 405, why: `${method} is not served` };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { kind: 'refused', status: 400, why: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST || url.port !== '' || url.username || url.password) {
    return { kind: 'refused', status: 404, why: `nothing is served for ${url.protocol}//${url.host}` };
  }
  const segments: string[] = [];
  for (const raw of url.pathname.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused', status: 400, why: 'a path segment is not valid percent-encoding' };
    }
    if (!isPlainName(segment)) return { kind: 'refused', status: 404, why: 'the path is not a plain file name under the app' };
    segments.push(segment);
  }
  if (segments.length === 1 && segments[0] === '') segments[0] = 'index.html';
  if (segments.some((segment) => segment === '')) return { kind: 'refused', status: 404, why: 'the path names a folder' };
  const file = path.join(root, ...segments);
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { kind: 'refused', status: 404, why: 'the path leads out of the app' };
  }
  const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()];
  if (!contentType) return { kind: 'refused', status: 404, why: 'not a file type the app ships' };
  return { kind: 'file', file, contentType, head: method === 'HEAD' };
}

/** A path segment that names one file or folder: not "." or "..", no separator, colon or control character. */
function isPlainName(segment: string): boolean {
  if (segment === '.' || segment === '..') return false;
  for (const char of segment) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || char === '/' || char === '\\' || char === ':') return false;
  }
  return true;
}

/**
 * The answer to one app:// request (protocol.handle's handler). An HTML page carries its own
 * meta CSP as a header too, so the policy holds from the first byte; nothing is sniffed.
 */
export async function serveRendererRequest(request: { method: string; url: string }, root: string): Promise<Response> {
  const resolved = resolveRendererRequest(request.method, request.url, root);
  if (resolved.kind === 'refused') return refusal(resolved.status, resolved.why);
  let body: Buffer;
  try {
    body = await readFile(resolved.file);
  } catch {
    return refusal(404, 'no such file');
  }
  const headers: Record<string, string> = { 'content-type': resolved.contentType, 'x-content-type-options': 'nosniff' };
  if (resolved.contentType.startsWith('text/html')) {
    const csp = metaCsp(body.toString('utf8'));
    if (csp) headers['content-security-policy'] = csp;
  }
  return new Response(resolved.head ? null : body, { status: 200, headers });
}

function refusal(status: 400 | 404 | 405, why: string): Response {
  return new Response(why, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
}

/** The policy of the page's `<meta http-equiv="Content-Security-Policy" content="...">`, if it has one. */
export function metaCsp(html: string): string | undefined {
  const tag = /<meta\s[^>]*http-equiv="Content-Security-Policy"[^>]*>/i.exec(html)?.[0];
  return tag ? /\scontent="([^"]*)"/i.exec(tag)?.[1] : undefined;
}
