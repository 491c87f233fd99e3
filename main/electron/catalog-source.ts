import { access } from 'node:fs/promises';
import path from 'node:path';
import { builtinCatalog } from '../../app/catalog/builtin';
import type { Catalog } from '../../app/catalog/schema';
import { loadCatalog } from '../engine/catalog-file';

export interface DesktopCatalog {
  catalog: Catalog;
  source: string;
  /** Why the user's catalog.json was not used, when there is one and it is broken. */
  problem?: string;
}

const USER_CATALOG_NAME = 'catalog.json';

/**
 * The desktop app's catalog: `catalog.json` in the user-data folder when present (so support staff
 * can update hosts without a new release), else the built-in one. A broken user file does not stop
 * the app: the built-in catalog is used and the problem is shown.
 */
export async function loadDesktopCatalog(userDataDir: string): Promise<DesktopCatalog> {
  const file = path.join(userDataDir, USER_CATALOG_NAME);
  try {
    await access(file);
  } catch {
    return { catalog: builtinCatalog(), source: 'built-in' };
  }
  const loaded = await loadCatalog(file);
  if (loaded.ok) return { catalog: loaded.catalog, source: loaded.source };
  return { catalog: builtinCatalog(), source: 'built-in', problem: `${loaded.message} Using the built-in list instead.` };
}
