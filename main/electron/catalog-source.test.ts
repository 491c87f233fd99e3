import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../app/catalog/builtin';
import { buildAppInfo } from './app-info';
import { loadDesktopCatalog } from './catalog-source';

describe('loadDesktopCatalog', () => {
  it('uses the built-in catalog when the user has none', async () => {
    const loaded = await loadDesktopCatalog(await mkdtemp(path.join(tmpdir(), 'sd-ud-')));
    expect(loaded.source).toBe('built-in');
    expect(loaded.problem).toBeUndefined();
  });

  it('honours catalog.json in the user-data folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sd-ud-'));
    const custom = { ...builtinCatalog(), version: 'support-desk-7' };
    await writeFile(path.join(dir, 'catalog.json'), JSON.stringify(custom));
    const loaded = await loadDesktopCatalog(dir);
    expect(loaded.catalog.version).toBe('support-desk-7');
    expect(loaded.source).toBe(path.join(dir, 'catalog.json'));
    expect(buildAppInfo({ name: 'Sync Doctor', version: '1' }, loaded, 'win32', 'x64').catalog).toMatchObject({
      version: 'support-desk-7',
    });
  });

  it('falls back to the built-in catalog with the problem named when the file is broken', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sd-ud-'));
    await writeFile(path.join(dir, 'catalog.json'), '{"schema":"sync-doctor/catalog@1"');
    const loaded = await loadDesktopCatalog(dir);
    expect(loaded.source).toBe('built-in');
    expect(loaded.problem).toMatch(/not valid JSON.*Using the built-in list instead\.$/s);
    expect(buildAppInfo({ name: 'n', version: 'v' }, loaded).catalog.problem).toBe(loaded.problem);
  });
});
