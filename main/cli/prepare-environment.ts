// Imported first by the CLI's entry, so it runs before anything starts libuv's thread pool.
import { prepareResolverEnvironment, UNKNOWN_LOOKUPS } from '../engine/resolver-environment';
import { parseCliArgs, type ParsedArgs } from './args';
import { DEFAULT_TIMEOUT_MS } from '../platform/defaults';
import { earlyHosts, runsTheCheck } from './early-lookups';
import { checkToRun } from './report-args';

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

// `report` runs the same check as `check` (unless it reads a saved one): size the pool for that check.
const runArgs: ParsedArgs = checkToRun(startupArgs) ?? startupArgs;
prepareResolverEnvironment(runsTheCheck(runArgs) ? runArgs.timeoutMs : DEFAULT_TIMEOUT_MS, lookupsAtOnce(runArgs));
