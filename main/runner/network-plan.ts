import type { PlannedCheck, PortCheck, ServerCheck } from '../../app/contract/check';
import { expectedIssuers } from '../../app/catalog/issuers';
import type { Catalog } from '../../app/catalog/schema';
import { sharedSecureContext } from '../probes/tls';
import type { Connect } from '../proxy/connector';
import { isProbedPort, probedHost } from './chain';
import { DnsCache, type DnsSettings } from './dns-cache';
import { ntpTask, type NtpTarget } from './ntp-task';
import { portTask } from './port-task';
import { serverTask } from './server-task';
import type { CheckTask } from './task';

export interface NetworkPlanOptions {
  /** Added to every entry's expected certificate issuers (--expect-issuer). */
  extraIssuers?: readonly string[];
  dns?: DnsSettings;
  /** Answers already asked for (the command line starts them while it loads); else a new cache. */
  lookups?: DnsCache;
  /** Overrides for the NTP probe (port, clock), for tests. */
  ntp?: Pick<NtpTarget, 'port' | 'now'>;
  /** How server and port checks connect: direct by default, or through the proxy that applies. */
  connect?: Connect;
}

/** Turns the catalog into network checks, in catalog order: servers, then ports, then time. */
export function networkTasks(catalog: Catalog, options: NetworkPlanOptions = {}): CheckTask[] {
  const dns = options.lookups ?? new DnsCache(options.dns);
  const tasks: CheckTask[] = [];
  warmUpTls();
  for (const entry of catalog.servers) {
    if (entry.untestable) {
      tasks.push(untestableServer(entry.id, entry.pattern, entry.purpose, entry.ports[0] ?? 443, entry.untestable));
      continue;
    }
    const host = probedHost(entry);
    for (const port of entry.ports) {
      tasks.push(
        serverTask(
          {
            entryId: entry.id,
            host,
            port,
            pattern: entry.pattern,
            purpose: entry.purpose,
            expectedIssuers: expectedIssuers(catalog, entry.issuers, options.extraIssuers ?? []),
            ...(entry.http?.path ? { httpPath: entry.http.path } : {}),
            ...(entry.http?.reachableStatuses ? { reachableStatuses: entry.http.reachableStatuses } : {}),
            ...(entry.legacy ? { legacy: true } : {}),
          },
          dns,
          options.connect,
        ),
      );
    }
  }
  for (const entry of catalog.ports) {
    if (entry.untestable && !entry.covered) {
      tasks.push(untestablePort(entry.id, entry.port, entry.protocol, entry.usedBy, entry.untestable));
      continue;
    }
    if (!isProbedPort(entry)) continue;
    const range = entry.portEnd !== undefined ? `${entry.port}-${entry.portEnd}` : undefined;
    for (const port of entry.samples ?? [entry.port]) {
      tasks.push(
        portTask(
          { entryId: entry.id, host: entry.host, port, purpose: entry.usedBy, ...(range ? { sample: `${port} of ${range}` } : {}) },
          dns,
          options.connect,
        ),
      );
    }
  }
  if (catalog.ntp) {
    tasks.push(
      ntpTask(
        { host: catalog.ntp.host, purpose: catalog.ntp.purpose, maxOffsetMs: catalog.ntp.maxOffsetMs ?? 120_000, ...options.ntp },
        dns,
      ),
    );
  }
  return tasks;
}

/** Loads the trust store after the DNS queries are sent rather than when the first handshake is due. */
function warmUpTls(): void {
  setImmediate(sharedSecureContext);
}

/** A port Apple lists that no check can honestly test: reported, with why, rather than left out. */
function untestablePort(entryId: string, port: number, protocol: 'tcp' | 'udp', purpose: string, why: string): CheckTask {
  const planned: PlannedCheck = {
    id: `port:${port}/${protocol}`,
    kind: 'port',
    group: 'network',
    title: `${protocol.toUpperCase()} ${port}`,
    port,
    protocol,
    purpose,
  };
  const result: PortCheck = {
    id: planned.id,
    kind: 'port',
    group: 'network',
    title: planned.title,
    entryId,
    port,
    protocol,
    purpose,
    status: 'skipped',
    reason: 'not-testable',
    detail: why,
    timings: {},
  };
  return { planned, run: () => Promise.resolve(result), interrupted: () => result };
}

function untestableServer(entryId: string, pattern: string, purpose: string, port: number, why: string): CheckTask {
  const planned: PlannedCheck = {
    id: `server:${pattern}`,
    kind: 'server',
    group: 'network',
    title: pattern,
    host: pattern,
    port,
    protocol: 'tcp',
    pattern,
    purpose,
  };
  const result: ServerCheck = {
    id: planned.id,
    kind: 'server',
    group: 'network',
    title: pattern,
    entryId,
    host: pattern,
    port,
    protocol: 'tcp',
    pattern,
    purpose,
    status: 'skipped',
    reason: 'not-testable',
    detail: why,
    timings: {},
    layers: { dns: 'not-run', tcp: 'not-run', tls: 'not-run', http: 'not-run' },
  };
  return { planned, run: () => Promise.resolve(result), interrupted: () => result };
}
