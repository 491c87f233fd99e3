import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../app/catalog/builtin';
import { loadCatalog, MAX_CATALOG_BYTES } from './catalog-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sd-catalog-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadCatalog from a file', () => {
  it('reads a valid catalog', async () => {
    const file = path.join(dir, 'ok.json');
    await writeFile(file, JSON.stringify({ ...builtinCatalog(), version: 'desk-7' }));
    expect(await loadCatalog(file)).toMatchObject({ ok: true, source: file, catalog: { version: 'desk-7' } });
  });

  it('refuses a file far bigger than any catalog, without reading it, and says so', async () => {
    const file = path.join(dir, 'huge.json');
    // Valid JSON, so only the size can be what stops it.
    await writeFile(file, JSON.stringify({ ...builtinCatalog(), padding: 'x'.repeat(MAX_CATALOG_BYTES) }));
    const loaded = await loadCatalog(file);
    expect(loaded).toEqual({
      ok: false,
      message: `Cannot use the catalog ${file}: it is over 1 MB, and a catalog is at most 1 MB (the built-in one is about 13 KB). Is it the right file?`,
    });
  });

  it('refuses a device that streams without end', async () => {
    expect(await loadCatalog('/dev/zero')).toEqual({ ok: false, message: 'Cannot read the catalog /dev/zero: it is not a regular file.' });
  });

  it('names a missing file and a folder', async () => {
    expect(await loadCatalog(path.join(dir, 'nope.json'))).toEqual({
      ok: false,
      message: `Cannot read the catalog ${path.join(dir, 'nope.json')}: no such file.`,
    });
    expect(await loadCatalog(dir)).toEqual({ ok: false, message: `Cannot read the catalog ${dir}: it is a folder.` });
  });
});
