// Imported first by the CLI's entry, so it runs before anything starts libuv's thread pool.
import { builtinCatalog } from '../../app/catalog/builtin';
import { prepareResolverEnvironment, UNKNOWN_LOOKUPS } from '../engine/resolver-environment';
import { hostsToResolve } from '../runner/chain';
import { parseCliArgs, type CheckCommand, type ParsedArgs } from './args';
import { DEFAULT_TIMEOUT_MS } from './defaults';

/** The command line, parsed once, before the pool starts; the entry goes on with it. */
export const startupArgs: ParsedArgs = parseCliArgs(process.argv.slice(2));

/** How many names the run may look up at once: none without network checks, never more than --concurrency. */
function lookupsAtOnce(check: CheckCommand | undefined): number {
  if (!check?.only.includes('network')) return 0;
  // A --catalog file is read later, after the pool has started: its hosts can't be counted yet.
  const hosts = check.catalogFile !== undefined ? UNKNOWN_LOOKUPS : hostsToResolve(builtinCatalog()).length;
  return Math.min(hosts, check.concurrency);
}

const check = startupArgs.command === 'check' ? startupArgs : undefined;
prepareResolverEnvironment(check?.timeoutMs ?? DEFAULT_TIMEOUT_MS, lookupsAtOnce(check));
