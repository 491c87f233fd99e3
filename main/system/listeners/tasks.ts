import type { CheckTask } from '../../scheduler/task';
import type { ListProcesses, ProcessInfo, ProcessList } from '../processes/list';
import { systemTask, troubleOutcome, type SystemOutcome } from '../task';
import { OS_NAMES, type SystemOs } from '../../platform/system-os';
import type { ScanListeners } from './scan';
import type { ListenerTarget } from './targets';
import type { Listener, ListenerScan } from './types';

interface Holder {
  pid: number | null;
  name: string;
  path: string | null;
  address: string;
}

export function listenerTasks(
  targets: readonly ListenerTarget[],
  os: SystemOs,
  scan: ScanListeners,
  processes: ListProcesses,
): CheckTask[] {
  return targets.map((target) =>
    systemTask(
      {
        id: `listener:${target.protocol}:${target.port}`,
        kind: 'listener',
        title: `${target.protocol.toUpperCase()} ${target.port} on this computer`,
        purpose: target.usedBy,
        port: target.port,
        protocol: target.protocol,
        ...(target.entryId ? { entryId: target.entryId } : {}),
      },
      async (signal) => {
        const scanned = await scan(signal);
        const list = scanned.kind === 'scanned' ? await processes(signal) : undefined;
        return judgeListener(target, os, scanned, list);
      },
    ),
  );
}

/** Who holds the port and whether that is who should. Pure. */
export function judgeListener(target: ListenerTarget, os: SystemOs, scan: ListenerScan, list?: ProcessList): SystemOutcome {
  if (scan.kind !== 'scanned') return troubleOutcome(scan, 'Listing the listening ports took too long.');
  const port = `${target.protocol.toUpperCase()} ${target.port}`;
  const holders = holdersOf(scan.listeners, target, list?.kind === 'listed' ? list.processes : []);
  const expected = (target.expected[os] ?? []).map((name) => name.toLowerCase());
  const isExpected = (holder: Holder) => expected.includes(holder.name.toLowerCase());
  const required = target.required?.includes(os) ?? false;
  const baseFacts = { source: scan.source, holders: holders.length, ...(scan.note ? { note: scan.note } : {}) };
  const describe = (holder: Holder) =>
    `${holder.name || 'an unknown program'}${holder.pid !== null ? ` (pid ${holder.pid}${holder.path ? `, ${holder.path}` : ''})` : ''} on ${holder.address}`;
  const factsOf = (holder: Holder) => ({
    ...baseFacts,
    pid: holder.pid,
    program: holder.name || null,
    path: holder.path,
    address: holder.address,
  });

  if (holders.length === 0) {
    if (required) {
      return {
        status: 'warn',
        reason: 'port-not-listening',
        detail: `Nothing listens on ${port}: the Apple Mobile Device Service is not running or not listening, so iTunes and Apple Devices cannot see a connected device.`,
        facts: baseFacts,
      };
    }
    const caveat = scan.note ? ` (${scan.note}, so a system service may still hold it)` : '';
    return {
      status: 'ok',
      reason: 'ok',
      detail: `Nothing ${scan.note ? 'visible ' : ''}listens on ${port} (${target.usedBy}); the port is free${caveat}.`,
      facts: baseFacts,
    };
  }
  const own = holders.find(isExpected);
  const others = holders.filter((holder) => !isExpected(holder));
  if (own) {
    const open = target.loopbackOnly && !isLoopback(own.address);
    return {
      status: open ? 'warn' : 'ok',
      reason: open ? 'port-held' : 'ok',
      detail: open
        ? `${describe(own)} listens on ${port} on all network interfaces, not only on this computer's loopback.`
        : `${describe(own)} holds ${port}, as expected${others.length > 0 ? `; also: ${others.map(describe).join(', ')}` : ''}.`,
      facts: factsOf(own),
    };
  }
  const first = others[0]!;
  if (expected.length === 0 || target.shared) {
    const mine = expected.length === 0 ? `no Apple program is expected here on ${OS_NAMES[os]}` : 'the port is shared, so this is normal';
    return {
      status: 'ok',
      reason: 'ok',
      detail: `${port} is used by ${others.map(describe).join(', ')} (${mine}).`,
      facts: factsOf(first),
    };
  }
  return {
    status: required ? 'fail' : 'warn',
    reason: 'port-held',
    detail: `${port} is held by ${describe(first)}, not by ${target.expected[os]!.join(' or ')}. ${target.usedBy} cannot work while another program holds it: close or reconfigure that program.`,
    facts: factsOf(first),
  };
}

function holdersOf(listeners: readonly Listener[], target: ListenerTarget, processes: readonly ProcessInfo[]): Holder[] {
  const byPid = new Map(processes.map((process) => [process.pid, process]));
  const seen = new Set<string>();
  const holders: Holder[] = [];
  for (const listener of listeners) {
    if (listener.port !== target.port || listener.protocol !== target.protocol) continue;
    const process = listener.pid !== null ? byPid.get(listener.pid) : undefined;
    const holder = {
      pid: listener.pid,
      name: process?.name ?? listener.command ?? '',
      path: process?.path ?? null,
      address: listener.address,
    };
    const key = `${holder.pid}/${holder.address}`;
    if (!seen.has(key)) holders.push(holder);
    seen.add(key);
  }
  return holders;
}

function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address === 'localhost';
}
