// Imported first by the Electron main entry, so it runs before the engine starts libuv's pool.
import { DEFAULT_TIMEOUT_MS } from '../cli/defaults';
import { prepareResolverEnvironment } from '../engine/resolver-environment';

prepareResolverEnvironment(DEFAULT_TIMEOUT_MS);
