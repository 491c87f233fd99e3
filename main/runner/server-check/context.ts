import type tls from 'node:tls';
import type { Connect } from '../../proxy/connector';
import type { DnsCache } from '../dns-cache';
import type { Progress } from './progress';
import type { ServerTarget } from './target';

/** Where a server check meets the outside world; each defaults to the system's own. */
export interface ServerCheckSeams {
  /** How to connect: direct, or through the proxy that applies. */
  connect?: Connect;
  /** The hosts file whose line is named behind a redirected answer. */
  hostsFile?: string;
  /** The trust store certificates are verified against. */
  trust?: tls.SecureContext;
}

/** What every stage of one server check works with. */
export interface StageContext {
  target: ServerTarget;
  signal: AbortSignal;
  cache: DnsCache;
  connect: Connect;
  hostsFile: string | undefined;
  trust: tls.SecureContext | undefined;
  progress: Progress;
}
