import type { EngineOptions } from '../engine/engine';
import type { CatalogLoad } from '../engine/catalog-file';
import type { CheckCommand } from './args';
import type { CliIo } from './check-command';

/** The check options every command that runs the check takes (check, fix, report). */
export type CheckOptions = Pick<CheckCommand, 'only' | 'timeoutMs' | 'concurrency' | 'expectIssuers' | 'hostsFile'>;

/** The engine's options from the command line's check options, one rule for every command. */
export function engineOptionsFor(
  args: CheckOptions,
  catalog: Extract<CatalogLoad, { ok: true }>,
  io: Pick<CliIo, 'signal' | 'lookups'>,
): EngineOptions {
  return {
    catalog: catalog.catalog,
    catalogSource: catalog.source,
    groups: args.only,
    timeoutMs: args.timeoutMs,
    concurrency: args.concurrency,
    extraIssuers: args.expectIssuers,
    ...(args.hostsFile !== undefined ? { hostsFile: args.hostsFile } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
    ...(io.lookups ? { lookups: io.lookups } : {}),
  };
}
