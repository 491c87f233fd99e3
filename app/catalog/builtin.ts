import type { Catalog } from './schema';
import data from './catalog.json';

/**
 * The catalog that ships with the app. It is validated by the unit tests (load.test.ts parses
 * catalog.json with the full schema), so at run time it is used as is: the check starts without
 * loading the schema library, which only a user's own --catalog file needs.
 */
export function builtinCatalog(): Catalog {
  return data as Catalog;
}
