import type { RunCommand } from '../../platform/exec';
import type { SystemOs } from '../../platform/system-os';
import type { BusDevice, BusScan } from './bus';
import { parseIoregUsb } from './ioreg';
import { scanSysfs } from './sysfs';
import { parseSystemProfilerUsb } from './system-profiler';

export type ScanBus = (signal: AbortSignal) => Promise<BusScan>;

const IOREG = '/usr/sbin/ioreg';
const SYSTEM_PROFILER = '/usr/sbin/system_profiler';

/**
 * How to look at the USB bus on each OS: macOS asks the I/O Registry (`ioreg`, quick), and
 * `system_profiler` when ioreg cannot answer; Linux reads sysfs. Windows has its own Plug and
 * Play check (pnp.ts). Never throws.
 */
export function busScanner(os: SystemOs, run: RunCommand, sysfsRoot?: string): ScanBus | undefined {
  switch (os) {
    case 'mac':
      return async (signal) => {
        const ioreg = await run(IOREG, ['-p', 'IOUSB', '-l', '-w0'], { signal, timeoutMs: 10_000 });
        const fromIoreg = ioreg.kind === 'ran' && ioreg.exitCode === 0 ? parseIoregUsb(ioreg.stdout) : undefined;
        if (fromIoreg) return scanned(fromIoreg, 'ioreg -p IOUSB');
        if (ioreg.kind === 'timeout' || ioreg.kind === 'cancelled') return ioreg;
        const profiler = await run(SYSTEM_PROFILER, ['SPUSBDataType', '-json'], { signal, timeoutMs: 20_000 });
        if (profiler.kind !== 'ran') return profiler;
        const fromProfiler = profiler.exitCode === 0 ? parseSystemProfilerUsb(profiler.stdout) : undefined;
        if (fromProfiler) return scanned(fromProfiler, 'system_profiler SPUSBDataType');
        return {
          kind: 'not-understood',
          why: 'neither ioreg nor system_profiler gave a USB listing this check understands',
          source: 'ioreg',
        };
      };
    case 'linux':
      return (signal) => scanSysfs(signal, sysfsRoot);
    case 'windows':
    case 'other':
      return undefined;
  }
}

function scanned(devices: BusDevice[], source: string): BusScan {
  return { kind: 'scanned', devices, source };
}
