// Imported first by the CLI's entry, so it runs before anything starts libuv's thread pool.
import { builtinCatalog } from '../../app/catalog/builtin';
import { prepareResolverEnvironment, UNKNOWN_LOOKUPS } from '../engine/resolver-environment';
import { hostsToResolve } from '../runner/chain';
import { DEFAULT_TIMEOUT_MS } from './defaults';

/** The value of `--name N` or `--name=N`, read before the arguments are parsed properly. */
function early(name: string): string | undefined {
  const argv = process.argv;
  const at = argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (at < 0) return undefined;
  return argv[at] === name ? (argv[at + 1] ?? '') : argv[at]!.slice(name.length + 1);
}

const requested = Number(early('--timeout-ms') ?? NaN);
// A --catalog file is read later, after the pool has started: its hosts can't be counted yet.
const lookups = early('--catalog') !== undefined ? UNKNOWN_LOOKUPS : hostsToResolve(builtinCatalog()).length;
prepareResolverEnvironment(Number.isFinite(requested) ? requested : DEFAULT_TIMEOUT_MS, lookups);
