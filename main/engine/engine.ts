import type { CheckGroup, Report, RunEvent } from '../../app/contract/check';
import type { Catalog } from '../../app/catalog/schema';
import { diagnose } from '../../app/diagnosis/diagnose';
import { proxiedConnect } from '../proxy/connector';
import { proxyRouter, type ProxyOptions } from '../proxy/router';
import { DnsCache, type DnsSettings } from '../runner/dns-cache';
import { networkTasks, type NetworkPlanOptions } from '../runner/network-plan';
import { runChecks } from '../runner/run';
import type { CheckTask } from '../runner/task';
import { deviceTasks } from '../system/device/tasks';
import { withSystemTasks } from '../system/plan';
import { systemOs } from '../system/task';

/** What a run can be asked for: a group, or only the device checks (`--only device`), which are part of "system". */
export type CheckSelection = CheckGroup | 'device';

export interface EngineOptions {
  catalog: Catalog;
  /** Where the catalog came from ("built-in" or a file path), for the report. */
  catalogSource: string;
  groups: readonly CheckSelection[];
  timeoutMs: number;
  concurrency: number;
  extraIssuers?: readonly string[];
  signal?: AbortSignal;
  runId?: string;
  /** Name servers and a stand-in system resolver, for tests; ignored when `lookups` is given. */
  dns?: DnsSettings;
  /** DNS answers already asked for: the command line starts them before the engine is loaded. */
  lookups?: DnsCache;
  ntp?: NetworkPlanOptions['ntp'];
  /** --hosts-file: the hosts file the system checks read instead of the system's. */
  hostsFile?: string;
  /** Where proxy settings come from; the desktop app passes Electron's session.resolveProxy (PAC). */
  proxy?: ProxyOptions;
}

/** Every check the options ask for, in report order: network first, then this computer. */
export function planTasks(options: EngineOptions): CheckTask[] {
  const tasks: CheckTask[] = [];
  // One router per run: the network checks connect through the proxy it picks, the proxy check reports it.
  const proxy = proxyRouter(options.proxy);
  if (options.groups.includes('network')) {
    tasks.push(
      ...networkTasks(options.catalog, {
        ...(options.extraIssuers ? { extraIssuers: options.extraIssuers } : {}),
        lookups: options.lookups ?? new DnsCache(options.dns),
        ...(options.ntp ? { ntp: options.ntp } : {}),
        connect: proxiedConnect(proxy),
      }),
    );
  }
  if (options.groups.includes('system')) {
    return withSystemTasks(tasks, options.catalog, { proxy, ...(options.hostsFile ? { hostsFile: options.hostsFile } : {}) });
  }
  if (options.groups.includes('device')) tasks.push(...deviceTasks(systemOs()));
  return tasks;
}

/** The one entry point the CLI and the desktop app share: the checks, then what they mean. */
export async function runEngine(options: EngineOptions, emit: (event: RunEvent) => void): Promise<Report> {
  let finished: Report | undefined;
  const report = await runChecks(
    planTasks(options),
    {
      timeoutMs: options.timeoutMs,
      concurrency: options.concurrency,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.runId ? { runId: options.runId } : {}),
      ...(options.lookups?.firstAskedAt !== undefined ? { begunAt: options.lookups.firstAskedAt } : {}),
      catalog: { version: options.catalog.version, updated: options.catalog.updated, source: options.catalogSource },
    },
    (event) => {
      // The findings travel inside run-finished, so the desktop app gets the same diagnosis as the CLI.
      if (event.type === 'run-finished') {
        finished = withFindings(event.report);
        emit({ ...event, report: finished });
      } else {
        emit(event);
      }
    },
  );
  return finished ?? withFindings(report);
}

function withFindings(report: Report): Report {
  return { ...report, findings: diagnose(report.checks) };
}
