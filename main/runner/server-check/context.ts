import type { Connect } from '../../proxy/connector';
import type { DnsCache } from '../dns-cache';
import type { Progress } from './progress';
import type { ServerTarget } from './target';

/** What every stage of one server check works with. */
export interface StageContext {
  target: ServerTarget;
  signal: AbortSignal;
  cache: DnsCache;
  connect: Connect;
  /** The hosts file whose line is named behind a redirected answer; default: the system's. */
  hostsFile: string | undefined;
  progress: Progress;
}
