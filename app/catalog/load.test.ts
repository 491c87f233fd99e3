import { describe, expect, it } from 'vitest';
import builtinJson from './catalog.json';
import { builtinCatalog } from './builtin';
import { expectedIssuers } from './issuers';
import { parseCatalog, parseCatalogText } from './load';
import type { Catalog } from './schema';

// Apple's own list, as the catalog was written from it: a copy kept beside the catalog so the
// repository checks itself against its source wherever it is cloned.
const SEED_URL = new URL('./apple-source.txt', import.meta.url);

/**
 * app/ is shared with the renderer, so it has no Node imports (lint) and no Node types (the web
 * tsconfig). This test runs only in Vitest under Node, so it loads the file module at run time.
 */
async function readSeed(): Promise<string> {
  const specifier = 'node:fs/promises';
  const fs = (await import(/* @vite-ignore */ specifier)) as { readFile(file: URL, encoding: 'utf8'): Promise<string> };
  return fs.readFile(SEED_URL, 'utf8');
}

interface SeedPort {
  port: number;
  portEnd: number;
  protocols: ('tcp' | 'udp')[];
}

/** Rows of the markdown-ish table that follows `header`, up to the first line that is not a row. */
function tableRows(text: string, header: RegExp): string[][] {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((line) => header.test(line));
  if (at < 0) throw new Error(`table ${String(header)} not found in the seed`);
  const rows: string[][] = [];
  // Skip the header and its "---|" separator; stop at the first line without a cell separator.
  for (const line of lines.slice(at + 1)) {
    if (/^-+\|/.test(line)) continue;
    if (!line.includes('|')) break;
    rows.push(line.split('|').map((cell) => cell.trim()));
  }
  return rows;
}

function seedServers(text: string): string[] {
  return tableRows(text, /^Apple servers \| Other servers/)
    .flat()
    .filter((cell) => cell !== '');
}

function seedPorts(text: string): SeedPort[] {
  return tableRows(text, /^Ports \| TCP or UDP \| Used by/).map((cells) => {
    const range = /^(\d+)(?:-(\d+))?/.exec(cells[0] ?? '');
    if (!range) throw new Error(`cannot read the port in "${cells.join(' | ')}"`);
    const protocols = (cells[1] ?? '')
      .toLowerCase()
      .split('/')
      .filter((p): p is 'tcp' | 'udp' => p === 'tcp' || p === 'udp');
    return { port: Number(range[1]), portEnd: Number(range[2] ?? range[1]), protocols };
  });
}

/** A fresh, valid copy of the built-in catalog data to break in one place. */
function catalogData(): Catalog {
  return structuredClone(builtinJson) as Catalog;
}

function problemsOf(text: string, source = 'my-catalog.json'): string[] {
  const result = parseCatalogText(text, source);
  if (result.ok) throw new Error('expected the catalog to be rejected');
  return result.problems;
}

describe('the built-in catalog', () => {
  it('validates, and the app uses it as the schema reads it', () => {
    const result = parseCatalog(builtinJson);
    expect(result.ok ? [] : result.problems).toEqual([]);
    // builtinCatalog() skips the schema at run time: the schema must not change or add anything.
    expect(builtinCatalog()).toEqual(result.ok ? result.catalog : undefined);
  });

  it('lists every server of Apple’s list', async () => {
    const patterns = seedServers(await readSeed());
    // The seed table has 14 Apple and 6 other servers; a parser that finds nothing must not pass.
    expect(patterns).toHaveLength(20);
    expect(patterns).toContain('gg*.apple.com');
    const catalogPatterns = new Set(builtinCatalog().servers.map((entry) => entry.pattern));
    expect(patterns.filter((pattern) => !catalogPatterns.has(pattern))).toEqual([]);
  });

  it('lists every port and range of Apple’s list', async () => {
    const ports = seedPorts(await readSeed());
    expect(ports).toHaveLength(13);
    expect(ports).toContainEqual({ port: 42000, portEnd: 42999, protocols: ['tcp'] });
    const catalog = builtinCatalog();
    const missing = ports.filter(
      (seed) =>
        !catalog.ports.some(
          (entry) => entry.port === seed.port && (entry.portEnd ?? entry.port) === seed.portEnd && seed.protocols.includes(entry.protocol),
        ),
    );
    expect(missing).toEqual([]);
  });

  it('covers each protocol Apple names for a port, tested or marked untestable with the reason', async () => {
    const catalog = builtinCatalog();
    const gaps = seedPorts(await readSeed()).flatMap((seed) =>
      seed.protocols
        .filter(
          (protocol) =>
            !catalog.ports.some(
              (entry) => entry.port === seed.port && (entry.portEnd ?? entry.port) === seed.portEnd && entry.protocol === protocol,
            ),
        )
        .map((protocol) => `${seed.port}/${protocol}`),
    );
    expect(gaps).toEqual([]);
    const untestable = catalog.ports.filter((entry) => entry.untestable).map((entry) => `${entry.port}/${entry.protocol}`);
    expect(untestable.sort()).toEqual(['123/tcp', '554/udp']);
  });

  it('says where each entry that is not in Apple’s list comes from', async () => {
    const text = await readSeed();
    const servers = new Set(seedServers(text));
    const ports = seedPorts(text);
    const catalog = builtinCatalog();
    const extraServers = catalog.servers.filter((entry) => !servers.has(entry.pattern));
    const extraPorts = catalog.ports.filter((entry) => !ports.some((seed) => seed.port === entry.port));
    expect(extraServers.map((entry) => entry.id).sort()).toEqual(['captive', 'push']);
    expect(extraPorts.map((entry) => entry.id)).toEqual(['port-27015']);
    for (const entry of [...extraServers, ...extraPorts]) expect(entry.source, entry.id).toBeTruthy();
  });
});

describe('parseCatalogText on a broken catalog', () => {
  it('accepts a UTF-8 byte order mark', () => {
    const result = parseCatalogText(`\uFEFF${JSON.stringify(builtinJson)}`, 'bom.json');
    expect(result.ok).toBe(true);
  });

  it('reports text that is not JSON, naming the file', () => {
    const problems = problemsOf('{ "schema": "sync-doctor/catalog@1", ');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^my-catalog\.json: not valid JSON \(.+\)$/);
  });

  it('reports a missing field with its path', () => {
    const data = catalogData();
    delete (data.servers[2] as Partial<Catalog['servers'][number]>).purpose;
    const problems = problemsOf(JSON.stringify(data));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^my-catalog\.json: servers\[2\]\.purpose: .*expected string, received undefined/i);
  });

  it('reports a field of the wrong type with its path', () => {
    const data = catalogData() as unknown as { servers: { ports: unknown }[] };
    data.servers[0]!.ports = '443';
    const problems = problemsOf(JSON.stringify(data));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^my-catalog\.json: servers\[0\]\.ports: .*expected array, received string/i);
  });

  it('reports a port above 65535 with its path and the limit', () => {
    const data = catalogData();
    data.servers[1]!.ports[1] = 70000;
    const problems = problemsOf(JSON.stringify(data));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^my-catalog\.json: servers\[1\]\.ports\[1\]: .*65535/);
  });

  it('reports a fractional or zero port', () => {
    const data = catalogData();
    data.ports[0]!.port = 55.5;
    data.ports[1]!.port = 0;
    const problems = problemsOf(JSON.stringify(data));
    expect(problems.some((p) => p.startsWith('my-catalog.json: ports[0].port: '))).toBe(true);
    expect(problems.some((p) => p.startsWith('my-catalog.json: ports[1].port: '))).toBe(true);
  });

  it('reports a duplicate id, naming the second use', () => {
    const data = catalogData();
    data.ports[0]!.id = 'albert';
    expect(problemsOf(JSON.stringify(data))).toEqual(['my-catalog.json: ports[0].id: "albert" is used twice']);
  });

  it('reports a wildcard with no host to probe', () => {
    const data = catalogData();
    const index = data.servers.findIndex((entry) => entry.id === 'mzstatic');
    delete data.servers[index]!.host;
    expect(problemsOf(JSON.stringify(data))).toEqual([
      `my-catalog.json: servers[${index}].host: "*.mzstatic.com" is a wildcard, so name the concrete host to probe (or mark it untestable)`,
    ]);
  });

  it('refuses patterns with more than one "*" or a "*" out of place, saying what a pattern may be', () => {
    for (const pattern of [
      '******x.apple.com',
      'a*b*.apple.com',
      '*.*.apple.com',
      '**.apple.com',
      'gs.*.apple.com',
      'gs.apple.com*',
      '*',
    ]) {
      const data = catalogData();
      data.servers[0]!.pattern = pattern;
      expect(problemsOf(JSON.stringify(data)), pattern).toEqual([
        'my-catalog.json: servers[0].pattern: must be a host name, "*." and a host name ("*.example.com"), or a host name with one "*" in its first label ("gg*.example.com")',
      ]);
    }
  });

  it('refuses a "*" in a host that is probed', () => {
    const data = catalogData();
    data.servers[0]!.host = 'gg*.apple.com';
    data.ports[0]!.host = '*.portquiz.net';
    expect(problemsOf(JSON.stringify(data))).toEqual([
      'my-catalog.json: servers[0].host: must be a host name (no "*")',
      'my-catalog.json: ports[0].host: must be a host name (no "*")',
    ]);
  });

  it('accepts a wildcard with no host when it is marked untestable', () => {
    const data = catalogData();
    const entry = data.servers.find((e) => e.id === 'mzstatic')!;
    delete entry.host;
    entry.untestable = 'no concrete host is known';
    expect(parseCatalog(data).ok).toBe(true);
  });

  it('reports an issuer set that does not exist', () => {
    const data = catalogData();
    data.servers[0]!.issuers = 'apple-typo';
    expect(problemsOf(JSON.stringify(data))).toEqual([
      'my-catalog.json: servers[0].issuers: no issuer set named "apple-typo" in issuerSets',
    ]);
  });

  it('does not take an inherited property for an issuer set', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const data = catalogData();
      data.servers[0]!.issuers = name;
      expect(problemsOf(JSON.stringify(data)), name).toEqual([
        `my-catalog.json: servers[0].issuers: no issuer set named "${name}" in issuerSets`,
      ]);
      expect(expectedIssuers(builtinCatalog(), name, ['Sync Doctor Test'])).toEqual([]);
    }
  });

  it('reports a sample outside the port range', () => {
    const data = catalogData();
    const index = data.ports.findIndex((entry) => entry.id === 'port-8000-8999');
    data.ports[index]!.samples = [8000, 9000];
    expect(problemsOf(JSON.stringify(data))).toEqual([`my-catalog.json: ports[${index}].samples: 9000 is outside 8000-8999`]);
  });

  it('reports a range that ends below its start', () => {
    const data = catalogData();
    const index = data.ports.findIndex((entry) => entry.id === 'port-42000-42999');
    data.ports[index]!.portEnd = 41000;
    delete data.ports[index]!.samples;
    expect(problemsOf(JSON.stringify(data))).toEqual([`my-catalog.json: ports[${index}].portEnd: 41000 is below port 42000`]);
  });

  it('reports an outbound port with no host', () => {
    const data = catalogData();
    const index = data.ports.findIndex((entry) => entry.id === 'port-554');
    delete data.ports[index]!.host;
    expect(problemsOf(JSON.stringify(data))).toEqual([
      `my-catalog.json: ports[${index}].host: a port tested outbound needs a host (or "covered" / "untestable")`,
    ]);
  });

  it('reports every problem at once, each with the file name', () => {
    const data = catalogData() as unknown as Record<string, unknown>;
    data['schema'] = 'sync-doctor/catalog@2';
    data['updated'] = '25/11/2026';
    const problems = problemsOf(JSON.stringify(data), 'C:\\Users\\me\\catalog.json');
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => p.startsWith('C:\\Users\\me\\catalog.json: '))).toBe(true);
    expect(problems.some((p) => p.includes(': schema: '))).toBe(true);
    expect(problems.some((p) => p.includes(': updated: must be a date like 2026-11-25'))).toBe(true);
  });

  it('names the top level when the document is not an object', () => {
    expect(problemsOf('[]')).toEqual([expect.stringMatching(/^my-catalog\.json: \(top level\): .*expected object/i)]);
  });
});

describe('expectedIssuers', () => {
  const catalog = builtinCatalog();

  it('expands an issuer set and adds the extra names', () => {
    expect(expectedIssuers(catalog, 'apple', ['Sync Doctor Test CA'])).toEqual([
      'Apple Inc.',
      'DigiCert Inc',
      'DigiCert, Inc.',
      'Akamai Technologies, Inc.',
      'Akamai Technologies Inc.',
      'Akamai Technologies',
      'Sync Doctor Test CA',
    ]);
  });

  it('keeps "any trusted issuer" when the entry names none, even with extra names', () => {
    expect(expectedIssuers(catalog, undefined, ['Sync Doctor Test'])).toEqual([]);
  });

  it('takes a literal list of issuers', () => {
    expect(expectedIssuers(catalog, ['Let’s Encrypt'], [])).toEqual(['Let’s Encrypt']);
  });
});
