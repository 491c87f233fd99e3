import type { PlannedCheck } from '../../../app/contract/check';

export interface ServerTarget {
  entryId: string;
  host: string;
  port: number;
  pattern?: string;
  purpose: string;
  /** Issuer names that count as genuine; empty: any trusted issuer. */
  expectedIssuers: string[];
  httpPath?: string;
  reachableStatuses?: number[];
  /** Old name that may be gone: not resolving is a warning, not a failure. */
  legacy?: boolean;
}

export function serverCheckId(host: string, port: number): string {
  return `server:${host}:${port}`;
}

export function plannedServer(target: ServerTarget): PlannedCheck {
  return {
    id: serverCheckId(target.host, target.port),
    kind: 'server',
    group: 'network',
    title: `${target.host}:${target.port}`,
    host: target.host,
    port: target.port,
    protocol: 'tcp',
    purpose: target.purpose,
    ...(target.pattern && target.pattern !== target.host ? { pattern: target.pattern } : {}),
    entryId: target.entryId,
  };
}
