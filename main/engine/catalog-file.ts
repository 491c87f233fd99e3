import { open } from 'node:fs/promises';
import { builtinCatalog } from '../../app/catalog/builtin';
import type { Catalog } from '../../app/catalog/schema';

export type CatalogLoad = { ok: true; catalog: Catalog; source: string } | { ok: false; message: string };

/**
 * A catalog lists a few hundred hosts and ports: the built-in one is about 13 KB. A file far
 * bigger is the wrong file (a log, a disk image), and reading it whole would only fill memory.
 */
export const MAX_CATALOG_BYTES = 1024 * 1024;

/** The built-in catalog, or the user's file when one is named (it replaces the built-in one). */
export async function loadCatalog(file?: string): Promise<CatalogLoad> {
  if (file === undefined) return { ok: true, catalog: builtinCatalog(), source: 'built-in' };
  const read = await readCatalogText(file);
  if (!read.ok) return read;
  // Loaded only here: the schema library is needed for a user's file, not for the built-in catalog.
  const { parseCatalogText } = await import('../../app/catalog/load');
  const parsed = parseCatalogText(read.text, file);
  if (!parsed.ok) return { ok: false, message: `The catalog is not valid:\n  ${parsed.problems.join('\n  ')}` };
  return { ok: true, catalog: parsed.catalog, source: file };
}

/**
 * The file's text, read through one handle so that what is checked is what is read: a regular
 * file of at most MAX_CATALOG_BYTES (never a device or pipe, which could stream without end), and
 * never more than that many bytes, even if it grows while being read.
 */
async function readCatalogText(file: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  let handle;
  try {
    handle = await open(file, 'r');
    const info = await handle.stat();
    if (!info.isFile()) {
      return {
        ok: false,
        message: `Cannot read the catalog ${file}: ${info.isDirectory() ? 'it is a folder' : 'it is not a regular file'}.`,
      };
    }
    if (info.size > MAX_CATALOG_BYTES) return { ok: false, message: tooBig(file, info.size) };
    const buffer = Buffer.alloc(MAX_CATALOG_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_CATALOG_BYTES) return { ok: false, message: tooBig(file, length) };
    return { ok: true, text: buffer.toString('utf8', 0, length) };
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
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function tooBig(file: string, bytes: number): string {
  const size = bytes > MAX_CATALOG_BYTES * 4 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `over ${MAX_CATALOG_BYTES / 1024 / 1024} MB`;
  return `Cannot use the catalog ${file}: it is ${size}, and a catalog is at most ${MAX_CATALOG_BYTES / 1024 / 1024} MB (the built-in one is about 13 KB). Is it the right file?`;
}
