import en from 'zod/v4/locales/en.js';
import { catalogSchema, type Catalog } from './schema';
import { issuerSet } from './issuers';

// zod/mini ships no messages ("Invalid input" for everything); the English ones say what is wrong.
// Imported alone so the CLI bundle does not carry every other language.
const messages = en();

type CatalogParse = { ok: true; catalog: Catalog } | { ok: false; problems: string[] };

/** Validates catalog data from any source; each problem names the field and what is wrong. */
export function parseCatalog(data: unknown): CatalogParse {
  const parsed = catalogSchema.safeParse(data, { error: messages.localeError });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    };
  }
  const problems = crossChecks(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, catalog: parsed.data };
}

/** Parses catalog file text; `source` (a file name) is named in every problem. */
export function parseCatalogText(text: string, source: string): CatalogParse {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [`${source}: not valid JSON (${(error as Error).message})`] };
  }
  const result = parseCatalog(data);
  return result.ok ? result : { ok: false, problems: result.problems.map((p) => `${source}: ${p}`) };
}

/** Rules a schema cannot express: unique ids, wildcards need a concrete host, known issuer sets. */
function crossChecks(catalog: Catalog): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const noteId = (id: string, where: string) => {
    if (seen.has(id)) problems.push(`${where}.id: "${id}" is used twice`);
    seen.add(id);
  };
  catalog.servers.forEach((entry, index) => {
    const where = `servers[${index}]`;
    noteId(entry.id, where);
    if (entry.pattern.includes('*') && !entry.host && !entry.untestable) {
      problems.push(`${where}.host: "${entry.pattern}" is a wildcard, so name the concrete host to probe (or mark it untestable)`);
    }
    if (typeof entry.issuers === 'string' && !issuerSet(catalog, entry.issuers)) {
      problems.push(`${where}.issuers: no issuer set named "${entry.issuers}" in issuerSets`);
    }
  });
  catalog.ports.forEach((entry, index) => {
    const where = `ports[${index}]`;
    noteId(entry.id, where);
    if (entry.portEnd !== undefined && entry.portEnd < entry.port) {
      problems.push(`${where}.portEnd: ${entry.portEnd} is below port ${entry.port}`);
    }
    for (const sample of entry.samples ?? []) {
      if (sample < entry.port || sample > (entry.portEnd ?? entry.port)) {
        problems.push(`${where}.samples: ${sample} is outside ${entry.port}-${entry.portEnd ?? entry.port}`);
      }
    }
    if (!entry.covered && !entry.untestable && !entry.host) {
      problems.push(`${where}.host: a port tested outbound needs a host (or "covered" / "untestable")`);
    }
  });
  return problems;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
