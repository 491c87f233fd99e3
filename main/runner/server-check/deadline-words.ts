import type { Stage, Stopped } from './ending';
import type { ServerTarget } from './target';

/** What the report says when the deadline passed while `stage` was still waiting for an answer. */
export function deadlinePassedIn(stage: Stage, target: ServerTarget): Stopped {
  const { host, port } = target;
  const stop = { kind: 'stopped', status: 'fail' } as const;
  switch (stage) {
    case 'dns':
      return {
        ...stop,
        at: 'dns',
        reason: 'dns-timeout',
        detail: `Looking up ${host} did not finish before the deadline: the DNS server is slow, unreachable, or its answers are dropped.`,
      };
    case 'tcp':
      return {
        ...stop,
        at: 'tcp',
        reason: 'tcp-timeout',
        detail: `No answer from ${host} on port ${port} before the deadline: the connection attempt was dropped, typically by a firewall.`,
        met: `Nothing answered there on port ${port} before the deadline.`,
      };
    case 'tls':
      return {
        ...stop,
        at: 'tls',
        reason: 'tls-handshake-failed',
        detail: `Connected to ${host} on port ${port}, but the secure handshake (TLS) did not finish before the deadline.`,
        met: `Something there accepted the connection, but the secure handshake (TLS) did not finish before the deadline.`,
      };
    case 'http':
      return {
        ...stop,
        at: 'http',
        reason: 'http-error',
        detail: `Connected to ${host} on port ${port}, but it did not answer the HTTP request before the deadline.`,
        met: `Something there accepted the connection, but did not answer the HTTP request before the deadline.`,
      };
  }
}
