// Imported first by the CLI's entry, so it runs before anything starts libuv's thread pool.
import { prepareResolverEnvironment } from '../engine/resolver-environment';
import { DEFAULT_TIMEOUT_MS } from './defaults';

const flag = process.argv.indexOf('--timeout-ms');
const requested = flag > 0 ? Number(process.argv[flag + 1]) : NaN;
prepareResolverEnvironment(Number.isFinite(requested) ? requested : DEFAULT_TIMEOUT_MS);
