import type { Catalog } from '../../app/catalog/schema';
import type { ProxyRouter } from '../proxy/router';
import type { CheckTask } from '../scheduler/task';
import { runCommand } from '../platform/exec';
import { shareNtpResult } from './clock/share-ntp';
import { deviceTasks } from './device/tasks';
import { clockTask } from './clock/tasks';
import { firewallTasks } from './firewall/tasks';
import { systemHostsPath } from './hosts/read';
import { hostsTasks, watchListOf } from './hosts/tasks';
import { windowsHostsLocation } from './hosts/windows-location';
import { listenerScanner, sharedScan } from './listeners/scan';
import { listenerTargets } from './listeners/targets';
import { listenerTasks } from './listeners/tasks';
import { sharedProcessList } from './processes/list';
import { processTasks } from './processes/tasks';
import { proxyTasks } from './proxy/tasks';
import { serviceTasks } from './services/tasks';
import { systemOs, type SystemOs } from '../platform/system-os';
import { sharedWindowsPowerShell } from './windows-powershell';

interface SystemPlanOptions {
  /** --hosts-file: check this file instead of the system's. */
  hostsFile?: string;
  /** The same router the network checks connect through, so both agree on the proxy. */
  proxy: ProxyRouter;
  /** Default: the running OS. */
  os?: SystemOs;
  /** The NTP check for the clock to run itself, when `network` has none (a run of the system checks only). */
  timeCheck?: CheckTask;
}

/**
 * The network tasks (with the NTP task shared with the clock check, so NTP is asked once; without
 * one, the clock runs `timeCheck` itself),
 * followed by the checks of this computer in a fixed order: processes, services, devices,
 * listeners, hosts file, proxy, firewall, clock. One process listing, one port scan and (on
 * Windows) one PowerShell run serve every row.
 */
export function withSystemTasks(network: readonly CheckTask[], catalog: Catalog, options: SystemPlanOptions): CheckTask[] {
  const os = options.os ?? systemOs();
  const { tasks, result } = shareNtpResult(network);
  const timeCheck = options.timeCheck;
  const ntpAnswer = result ? () => result : timeCheck ? (signal: AbortSignal) => timeCheck.run(signal) : undefined;
  const processes = sharedProcessList();
  const powershell = sharedWindowsPowerShell();
  return [
    ...tasks,
    ...processTasks(catalog.processes ?? [], os, processes),
    ...serviceTasks(os, runCommand, powershell),
    ...deviceTasks(os, { run: runCommand, powershell }),
    ...listenerTasks(listenerTargets(catalog), os, sharedScan(listenerScanner(os)), processes),
    ...hostsTasks(options.hostsFile ?? (os === 'windows' ? windowsHostsLocation : systemHostsPath()), watchListOf(catalog)),
    ...proxyTasks(options.proxy),
    ...firewallTasks(os, processes, runCommand, powershell),
    clockTask(catalog, ntpAnswer),
  ];
}
