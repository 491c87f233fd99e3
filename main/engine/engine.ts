import type { CheckGroup, Report, RunEvent } from '../../app/contract/check';
import { RunResults } from '../../app/contract/run-results';
import type { Catalog } from '../../app/catalog/schema';
import { diagnose } from '../../app/diagnosis/diagnose';
import type { Finding } from '../../app/diagnosis/finding';
import { proxiedConnect } from '../proxy/connector';
import { proxyRouter, type ProxyOptions } from '../proxy/router';
import { DnsCache, type DnsSettings } from '../runner/dns-cache';
import { networkTasks, timeCheckTask, type NetworkPlanOptions } from '../runner/network-plan';
import { runChecks } from '../scheduler/run';
import type { CheckTask } from '../scheduler/task';
import { deviceTasks } from '../system/device/tasks';
import { withSystemTasks } from '../system/plan';
import { systemOs } from '../platform/system-os';

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
  // One router per run: the network checks connect through the proxy it picks, the proxy check reports it.
  const proxy = proxyRouter(options.proxy);
  const network: NetworkPlanOptions = {
    ...(options.extraIssuers ? { extraIssuers: options.extraIssuers } : {}),
    lookups: options.lookups ?? new DnsCache(options.dns),
    ...(options.ntp ? { ntp: options.ntp } : {}),
    connect: proxiedConnect(proxy),
  };
  const withNetwork = options.groups.includes('network');
  const tasks = withNetwork ? networkTasks(options.catalog, network) : [];
  if (!options.groups.includes('system')) {
    // The device checks are part of "system"; asked for alone (`--only device`), they run by themselves.
    if (options.groups.includes('device')) tasks.push(...deviceTasks(systemOs()));
    return tasks;
  }
  // Without the network checks the clock still needs the time server's answer: it runs the NTP check itself.
  const timeCheck = withNetwork ? undefined : timeCheckTask(options.catalog, network);
  return withSystemTasks(tasks, options.catalog, {
    proxy,
    ...(options.hostsFile ? { hostsFile: options.hostsFile } : {}),
    ...(timeCheck ? { timeCheck } : {}),
  });
}

/** The one entry point the CLI and the desktop app share: the checks, then what they mean. */
export async function runEngine(options: EngineOptions, emit: (event: RunEvent) => void): Promise<Report> {
  const results = new RunResults();
  let findings: Finding[] | undefined;
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
      results.observe(event);
      // Findings are a property of the whole run, not a copy of results: they travel in run-finished's
      // header, diagnosed from the results streamed before it, so the desktop app gets the CLI's diagnosis.
      if (event.type === 'run-finished') {
        findings = diagnose(results.inPlanOrder());
        emit({ ...event, header: { ...event.header, findings } });
      } else {
        emit(event);
      }
    },
  );
  return { ...report, findings: findings ?? diagnose(report.checks) };
}
