// Imported first by the Electron main entry, so it runs before the engine starts libuv's pool.
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from '../platform/defaults';
import { builtinLookupsAtOnce, prepareResolverEnvironment } from '../engine/resolver-environment';

prepareResolverEnvironment(DEFAULT_TIMEOUT_MS, builtinLookupsAtOnce(DEFAULT_CONCURRENCY));
