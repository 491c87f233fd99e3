// Imported first by the network bench: the in-process runs get the pool the CLI gives itself for
// the built-in catalog, set before anything starts libuv's pool.
import { builtinCatalog } from '../app/catalog/builtin';
import { DEFAULT_TIMEOUT_MS } from '../main/cli/defaults';
import { prepareResolverEnvironment } from '../main/engine/resolver-environment';
import { hostsToResolve } from '../main/runner/chain';

prepareResolverEnvironment(DEFAULT_TIMEOUT_MS, hostsToResolve(builtinCatalog()).length);
