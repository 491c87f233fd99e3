import type { Report } from '../../app/contract/check';
import type { Catalog } from '../../app/catalog/schema';
import { loadCatalog } from '../engine/catalog-file';
import { runEngine } from '../engine/engine';
import type { CheckCommand } from './args';
import type { CliIo } from './main';
import { engineOptionsFor } from './engine-options';
import { progressLine } from './progress';

export type CheckRun = { ok: true; report: Report; catalog: Catalog } | { ok: false; message: string };

/** Runs the check a command's options ask for, with the live progress line on a terminal's stderr. */
export async function runCheckFor(args: CheckCommand, io: CliIo): Promise<CheckRun> {
  const loaded = await loadCatalog(args.catalogFile);
  if (!loaded.ok) return { ok: false, message: loaded.message };
  const progress = progressLine(io.stderr);
  const report = await runEngine(engineOptionsFor(args, loaded, io), (event) => progress.onEvent(event));
  progress.clear();
  return { ok: true, report, catalog: loaded.catalog };
}
