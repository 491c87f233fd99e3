// Imported first by the Electron main entry, so it runs before the engine starts libuv's pool.
import { builtinCatalog } from '../../app/catalog/builtin';
import { DEFAULT_TIMEOUT_MS } from '../cli/defaults';
import { prepareResolverEnvironment } from '../engine/resolver-environment';
import { hostsToResolve } from '../runner/chain';

prepareResolverEnvironment(DEFAULT_TIMEOUT_MS, hostsToResolve(builtinCatalog()).length);
