import type { PlannedCheck, PortCheck, ServerCheck } from '../../app/contract/check';
import { expectedIssuers } from '../../app/catalog/issuers';
import type { Catalog } from '../../app/catalog/schema';
import { sharedSecureContext } from '../probes/tls';
import type { Connect } from '../proxy/connector';
import { networkItems } from './chain';
import { DnsCache } from './dns-cache';
import { ntpTask, type NtpTarget } from './ntp-task';
import { portTask } from './port-task';
import { serverTask } from './server-task';
import type { CheckTask } from '../scheduler/task';

export interface NetworkPlanOptions {
  /** Added to every entry's expected certificate issuers (--expect-issuer). */
  extraIssuers?: readonly string[];
  /** The run's DNS answers, perhaps already asked for (the command line starts them while it loads). */
  lookups?: DnsCache;
  /** Overrides for the NTP probe (port, clock), for tests. */
  ntp?: Pick<NtpTarget, 'port' | 'now'>;
  /** How server and port checks connect: direct by default, or through the proxy that applies. */
  connect?: Connect;
}

/** Turns the catalog into network checks, in catalog order: servers, then ports, then time. */
export function networkTasks(catalog: Catalog, options: NetworkPlanOptions = {}): CheckTask[] {
  const dns = options.lookups ?? new DnsCache();
  warmUpTls();
  return networkItems(catalog).map((item): CheckTask => {
    switch (item.kind) {
      case 'server': {
        const { entry } = item;
        return serverTask(
          {
            entryId: entry.id,
            host: item.host,
            port: item.port,
            pattern: entry.pattern,
            purpose: entry.purpose,
            expectedIssuers: expectedIssuers(catalog, entry.issuers, options.extraIssuers ?? []),
            ...(entry.http?.path ? { httpPath: entry.http.path } : {}),
            ...(entry.http?.reachableStatuses ? { reachableStatuses: entry.http.reachableStatuses } : {}),
            ...(entry.legacy ? { legacy: true } : {}),
          },
          dns,
          options.connect ? { connect: options.connect } : {},
        );
      }
      case 'port': {
        const { entry } = item;
        const range = entry.portEnd !== undefined ? `${entry.port}-${entry.portEnd}` : undefined;
        return portTask(
          {
            entryId: entry.id,
            host: item.host,
            port: item.port,
            purpose: entry.usedBy,
            ...(range ? { sample: `${item.port} of ${range}` } : {}),
          },
          dns,
          options.connect,
        );
      }
      case 'ntp':
        return timeCheckOf(item.entry, dns, options);
      case 'untestable-server': {
        const { entry } = item;
        const pattern = entry.pattern;
        const port = entry.ports[0] ?? 443;
        const planned = {
          id: `server:${pattern}`,
          kind: 'server',
          group: 'network',
          title: pattern,
          host: pattern,
          port,
          protocol: 'tcp',
          pattern,
          purpose: entry.purpose,
          entryId: entry.id,
        } as const;
        return reportedOnly(planned, {
          ...planned,
          ...notTestable(entry),
          layers: { dns: 'not-run', tcp: 'not-run', tls: 'not-run', http: 'not-run' },
        });
      }
      case 'untestable-port': {
        const { entry } = item;
        const { port, protocol } = entry;
        const planned = {
          id: `port:${port}/${protocol}`,
          kind: 'port',
          group: 'network',
          title: `${protocol.toUpperCase()} ${port}`,
          port,
          protocol,
          purpose: entry.usedBy,
          entryId: entry.id,
        } as const;
        return reportedOnly(planned, { ...planned, ...notTestable(entry) });
      }
    }
  });
}

/**
 * The check of this computer's clock against the catalog's time server, on its own: for a run
 * without the network checks, whose clock check still needs the time server's answer.
 */
export function timeCheckTask(catalog: Catalog, options: NetworkPlanOptions = {}): CheckTask | undefined {
  return catalog.ntp ? timeCheckOf(catalog.ntp, options.lookups ?? new DnsCache(), options) : undefined;
}

function timeCheckOf(entry: NonNullable<Catalog['ntp']>, dns: DnsCache, options: NetworkPlanOptions): CheckTask {
  return ntpTask({ host: entry.host, purpose: entry.purpose, maxOffsetMs: entry.maxOffsetMs ?? 120_000, ...options.ntp }, dns);
}

/** Loads the trust store after the DNS queries are sent rather than when the first handshake is due. */
function warmUpTls(): void {
  setImmediate(sharedSecureContext);
}

/** What a check says of an entry that cannot be tested (no concrete host, or no server that answers). */
function notTestable(entry: { untestable: string }) {
  return { status: 'skipped', reason: 'not-testable', detail: entry.untestable, timings: {} } as const;
}

/** A check whose result is known without contacting anything. */
function reportedOnly(planned: PlannedCheck, result: ServerCheck | PortCheck): CheckTask {
  return { planned, run: () => Promise.resolve(result), interrupted: () => result };
}
