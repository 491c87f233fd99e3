import { processCheckId, processCheckTitle } from '../../../app/catalog/process-check';
import type { ProcessEntry } from '../../../app/catalog/schema';
import type { CheckTask } from '../../scheduler/task';
import { notApplicable, systemTask, troubleOutcome, type SystemOutcome } from '../task';
import { OS_NAMES, type SystemOs } from '../../platform/system-os';
import type { ListProcesses, ProcessList } from './list';
import { findProcesses } from './match';

function namesFor(entry: ProcessEntry, os: SystemOs): string[] {
  return (os === 'windows' ? entry.windows : os === 'mac' ? entry.mac : undefined) ?? [];
}

const IMPORTANCE: Record<ProcessEntry['importance'], string> = {
  device: 'needed to see the device',
  sync: 'needed to sync',
  'sync-option': 'needed only with that sync option',
  background: 'a background helper',
};

/** One check per catalog helper process that exists on this OS; one "not applicable" row otherwise. */
export function processTasks(entries: readonly ProcessEntry[], os: SystemOs, list: ListProcesses): CheckTask[] {
  const relevant = entries.filter((entry) => namesFor(entry, os).length > 0);
  if (relevant.length === 0) {
    return [
      systemTask({ id: 'process:helpers', kind: 'process', title: 'Apple helper processes' }, () =>
        Promise.resolve(notApplicable(`Apple's device and sync helpers do not exist for ${OS_NAMES[os]}`, os)),
      ),
    ];
  }
  return relevant.map((entry) => {
    const names = namesFor(entry, os);
    return systemTask(
      { id: processCheckId(entry.id), kind: 'process', title: processCheckTitle(names), purpose: entry.role, entryId: entry.id },
      async (signal) => judgeProcess(entry, names, os, await list(signal)),
    );
  });
}

export function judgeProcess(entry: ProcessEntry, names: readonly string[], os: SystemOs, list: ProcessList): SystemOutcome {
  if (list.kind !== 'listed') return troubleOutcome(list, 'Listing the running processes took too long.');
  const found = findProcesses(list.processes, names);
  const importance = IMPORTANCE[entry.importance];
  const first = found[0];
  if (first) {
    return {
      status: 'ok',
      reason: 'ok',
      detail: `${first.name} is running (pid ${first.pid}${found.length > 1 ? `, and ${found.length - 1} more` : ''}): ${lowerFirst(entry.role)}.`,
      facts: { name: first.name, pid: first.pid, path: first.path, instances: found.length, importance: entry.importance },
    };
  }
  const facts = { name: names.join(' | '), pid: null, path: null, instances: 0, importance: entry.importance };
  const what = `${names.join(' / ')} is not running (${importance}). ${entry.role}.`;
  if (entry.importance === 'sync-option' || entry.importance === 'background') {
    return { status: 'ok', reason: 'process-optional-missing', detail: what, facts };
  }
  if (os === 'mac') {
    // The AMP agents and usbmuxd are started on demand by launchd: absent is normal with no device plugged in.
    return {
      status: 'warn',
      reason: 'process-missing',
      detail: `${what} macOS starts it when a device is connected; if one is connected and this stays missing, restart the Mac.`,
      facts,
    };
  }
  return {
    status: entry.importance === 'device' ? 'fail' : 'warn',
    reason: 'process-missing',
    detail: `${what}${entry.importance === 'device' ? ' Restart the Apple Mobile Device Service or reinstall iTunes / Apple Devices.' : ''}`,
    facts,
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
