import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import builtinJson from '../app/catalog/catalog.json';
import { expectedIssuers } from '../app/catalog/issuers';
import { parseCatalog, parseCatalogText } from '../app/catalog/load';
import { judgeHttp } from './probes/http';
import { readAnswer, writeTimestamp } from './probes/ntp';

// Property tests: code that reads outside input (a catalog file, a UDP packet, a server's headers)
// must answer with a verdict, never an exception.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path into the built-in catalog (bounded: the catalog is a few hundred nodes). */
function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...prefix, index], out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  return out;
}

/** A copy of `root` with the node at `path` replaced by `replacement` (the root itself for []). */
function replaceAt(root: Json, path: Path, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path.at(-1)!] = replacement;
  return copy;
}

function expectProblems(result: ReturnType<typeof parseCatalog>): void {
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) expect(problem).toMatch(/^.+: .+/);
}

describe('parseCatalog never throws', () => {
  it('on arbitrary JSON values, and rejects them with problems', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseCatalog(value);
        expect(result.ok).toBe(false);
        expectProblems(result);
      }),
      { numRuns: 300 },
    );
  });

  it('on the built-in catalog with any one node replaced by arbitrary JSON', () => {
    const root = builtinJson as unknown as Json;
    const paths = pathsOf(root);
    // Names an object inherits are the classic way for a lookup by name to go wrong.
    const replacementArb = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('constructor', '__proto__', 'toString', 'valueOf'));
    expect(paths.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.constantFrom(...paths), replacementArb, (path, replacement) => {
        const result = parseCatalog(replaceAt(root, path, replacement as Json));
        expectProblems(result);
        // A catalog that passes must also be usable: planning reads each entry's issuers.
        if (result.ok) for (const entry of result.catalog.servers) expectedIssuers(result.catalog, entry.issuers, ['Extra']);
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary text given as a file', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = parseCatalogText(text, 'x.json');
        if (!result.ok) for (const problem of result.problems) expect(problem.startsWith('x.json: ')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('readAnswer never throws', () => {
  const sentAt = 1_764_000_000_000;
  const request = Buffer.alloc(48);
  request[0] = (4 << 3) | 3;
  writeTimestamp(request, 40, sentAt);

  it('on arbitrary buffers', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 96 }), fc.integer({ min: 0, max: 10_000 }), (bytes, delay) => {
        const outcome = readAnswer(Buffer.from(bytes), request, sentAt, sentAt + delay, delay);
        expect(['answer', 'invalid']).toContain(outcome.kind);
      }),
      { numRuns: 1000 },
    );
  });

  it('on server-mode packets that echo our request, giving finite numbers', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 48, maxLength: 48 }), fc.integer({ min: 0, max: 10_000 }), (bytes, delay) => {
        const packet = Buffer.from(bytes);
        packet[0] = (packet[0]! & 0b0011_1000) | 4; // leap indicator 0, any version, server mode
        packet[1] = Math.max(1, packet[1]!);
        packet[40] = Math.max(1, packet[40]!); // a transmit time
        request.copy(packet, 24, 40, 48);
        const outcome = readAnswer(packet, request, sentAt, sentAt + delay, delay);
        expect(outcome.kind).toBe('answer');
        if (outcome.kind !== 'answer') return;
        expect(Number.isFinite(outcome.offsetMs)).toBe(true);
        expect(outcome.roundTripMs).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('and never accepts a packet whose originate time is not ours', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 48, maxLength: 64 }), (bytes) => {
        const packet = Buffer.from(bytes);
        fc.pre(!packet.subarray(24, 32).equals(request.subarray(40, 48)));
        expect(readAnswer(packet, request, sentAt, sentAt, 0).kind).toBe('invalid');
      }),
      { numRuns: 500 },
    );
  });
});

describe('judgeHttp never throws', () => {
  const headerName = fc.oneof(
    fc.constantFrom('location', 'server', 'via', 'x-squid-error', 'proxy-authenticate', 'content-type'),
    fc.string({ maxLength: 20 }),
  );
  const headerValue = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.webUrl(),
    fc.constantFrom('squid/5.7', '//', 'http://[', 'https://gs.apple.com'),
  );
  const headers = fc.dictionary(headerName, headerValue, { maxKeys: 8 });
  const host = fc.constantFrom('gs.apple.com', 'updates.cdn-apple.com', 'ocsp.digicert.com', 'portquiz.net');

  it('on arbitrary headers and statuses', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }),
        headers,
        host,
        fc.array(fc.integer({ min: 100, max: 599 }), { maxLength: 3 }),
        (status, hdrs, name, reachable) => {
          const verdict = judgeHttp(status, hdrs, name, reachable);
          expect(['ok', 'blocked', 'server-error']).toContain(verdict.kind);
          expect(verdict.status).toBe(status);
          if (status === 407) expect(verdict.kind).toBe('blocked');
          // A 401 carrying a proxy's signature is the proxy asking for a password, even where 401 is normal.
          else if (reachable.includes(status) && status !== 401) expect(verdict.kind).toBe('ok');
          if (verdict.kind === 'blocked') expect(verdict.by.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
