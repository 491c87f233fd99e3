// Imported first by the CLI's entry, so it runs before anything starts libuv's thread pool.
import { prepareResolverEnvironment, UNKNOWN_LOOKUPS } from '../engine/resolver-environment';
import { parseCliArgs, type ParsedArgs } from './args';
import { DEFAULT_TIMEOUT_MS } from './defaults';
import { earlyHosts, runsTheCheck } from './early-lookups';

/** The command line, parsed once, before the pool starts; the entry goes on with it. */
export const startupArgs: ParsedArgs = parseCliArgs(process.argv.slice(2));

/** How many names the run may look up at once: none without network checks, never more than --concurrency. */
function lookupsAtOnce(args: ParsedArgs): number {
  // A --catalog file is read later, after the pool has started: its hosts can't be counted yet.
  if (runsTheCheck(args) && args.catalogFile !== undefined && args.only.includes('network')) {
    return Math.min(UNKNOWN_LOOKUPS, args.concurrency);
  }
  return earlyHosts(args)?.length ?? 0;
}

prepareResolverEnvironment(runsTheCheck(startupArgs) ? startupArgs.timeoutMs : DEFAULT_TIMEOUT_MS, lookupsAtOnce(startupArgs));
