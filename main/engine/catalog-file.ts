import { readFile } from 'node:fs/promises';
import { builtinCatalog } from '../../app/catalog/builtin';
import type { Catalog } from '../../app/catalog/schema';

export type CatalogLoad = { ok: true; catalog: Catalog; source: string } | { ok: false; message: string };

/** The built-in catalog, or the user's file when one is named (it replaces the built-in one). */
export async function loadCatalog(file?: string): Promise<CatalogLoad> {
  if (file === undefined) return { ok: true, catalog: builtinCatalog(), source: 'built-in' };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : (error as Error).message;
    return { ok: false, message: `Cannot read the catalog ${file}: ${why}.` };
  }
  // Loaded only here: the schema library is needed for a user's file, not for the built-in catalog.
  const { parseCatalogText } = await import('../../app/catalog/load');
  const parsed = parseCatalogText(text, file);
  if (!parsed.ok) return { ok: false, message: `The catalog is not valid:\n  ${parsed.problems.join('\n  ')}` };
  return { ok: true, catalog: parsed.catalog, source: file };
}
