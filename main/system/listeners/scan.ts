import { runCommand, type CommandOutcome, type RunCommand } from '../../platform/exec';
import { systemCommand } from '../../platform/system-command';
import { shareOnce } from '../task';
import { type SystemOs } from '../../platform/system-os';
import { scanLinux } from './linux';
import { parseLsofFields } from './lsof';
import { parseNetstat } from './netstat';
import type { ListenerScan } from './types';

export type ScanListeners = (signal: AbortSignal) => Promise<ListenerScan>;

/** The way to list listening sockets on each OS: /proc on Linux, netstat on Windows, lsof on macOS. */
export function listenerScanner(os: SystemOs, run: RunCommand = runCommand): ScanListeners {
  switch (os) {
    case 'linux':
      return (signal) => scanLinux(signal);
    case 'windows':
      return async (signal) => {
        const outcome = await run(systemCommand('netstat'), ['-ano'], { signal, timeoutMs: 15_000 });
        return outcome.kind === 'ran' && outcome.exitCode === 0
          ? { kind: 'scanned', listeners: parseNetstat(outcome.stdout), source: 'netstat -ano' }
          : troubled('netstat', outcome);
      };
    case 'mac':
      return async (signal) => {
        const base = ['-nP', '+c', '0', '-F', 'pcPn'];
        const options = { signal, timeoutMs: 15_000 };
        const [tcp, udp] = await Promise.all([
          run(systemCommand('lsof'), [...base, '-iTCP', '-sTCP:LISTEN'], options),
          run(systemCommand('lsof'), [...base, '-iUDP'], options),
        ]);
        // lsof exits 1 when it found nothing to list: an empty answer, not a failure.
        for (const outcome of [tcp, udp]) if (outcome.kind !== 'ran' || outcome.exitCode > 1) return troubled('lsof', outcome);
        const text = [tcp, udp].map((outcome) => (outcome.kind === 'ran' ? outcome.stdout : '')).join('\n');
        return {
          kind: 'scanned',
          listeners: parseLsofFields(text),
          source: 'lsof',
          note: 'without administrator rights lsof shows only your own programs',
        };
      };
    case 'other':
      return () => Promise.resolve({ kind: 'cannot-run', why: 'listing listening ports is not supported on this operating system' });
  }
}

/** A command that gave no listing, as a scan: its trouble as it is, a failing exit as "cannot run". */
function troubled(command: string, outcome: CommandOutcome): ListenerScan {
  if (outcome.kind !== 'ran') return outcome;
  return {
    kind: 'cannot-run',
    why: `${command} failed (exit ${outcome.exitCode}${outcome.stderr.trim() ? `: ${outcome.stderr.trim().slice(0, 200)}` : ''})`,
  };
}

/** One scan per run, shared by every listener row. */
export function sharedScan(scan: ScanListeners): ScanListeners {
  return shareOnce(scan);
}
