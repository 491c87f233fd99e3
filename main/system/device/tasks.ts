import type { CheckTask } from '../../scheduler/task';
import { runCommand, type RunCommand } from '../../platform/exec';
import { POWERSHELL_DEADLINE_MS } from '../powershell';
import { notApplicable, shareOnce, systemTask, type SystemOutcome } from '../task';
import { type SystemOs } from '../../platform/system-os';
import { sharedWindowsPowerShell, type WindowsPowerShell } from '../windows-powershell';
import type { BusScan } from './bus';
import { busScanner } from './bus-scan';
import { usbmuxEndpoint, type EndpointChoice } from './endpoint';
import { LIST_TAG, listDevices, type DeviceListing } from './listing';
import { isIosDevice } from './product';
import { lockdownDir, trustOf, type TrustFinding } from './trust';
import { judgeUsbBus, judgeUsbDriver } from './usb-judge';
import { judgeUsbmux } from './usbmux-judge';

export interface DeviceTaskOptions {
  /** Where USBMUXD_SOCKET_ADDRESS and %ProgramData% are read; default process.env. */
  env?: NodeJS.ProcessEnv;
  run?: RunCommand;
  /** Each request's own deadline inside the check's (libusbmuxd waits 5 s for a reply). */
  replyDeadlineMs?: number;
  /** The pairing-record folder; default this OS's. */
  lockdownDir?: string;
  /** Linux: the sysfs USB folder; default /sys/bus/usb/devices. */
  sysfsRoot?: string;
  /** Windows: the run's one PowerShell start (system/plan.ts); alone, the device checks start their own. */
  powershell?: WindowsPowerShell;
}

export const REPLY_DEADLINE_MS = 3000;
/** Pairing records asked for at most; a real computer has a handful of devices. */
const MAX_TRUST_LOOKUPS = 8;

const USBMUX_ROW = {
  id: 'device:usbmux',
  kind: 'device' as const,
  title: 'iPhone, iPad or iPod',
  purpose: "Asks Apple's device service which devices it sees, and whether each trusts this computer",
};

/**
 * The device checks: the device service's own list (one row for every device seen), then what the
 * USB side says: Windows' Plug and Play drivers, or the USB bus on macOS and Linux. ListDevices
 * is asked once and shared by both rows.
 */
export function deviceTasks(os: SystemOs, options: DeviceTaskOptions = {}): CheckTask[] {
  const env = options.env ?? process.env;
  const run = options.run ?? runCommand;
  const deadlineMs = options.replyDeadlineMs ?? REPLY_DEADLINE_MS;
  const choice = usbmuxEndpoint(os, env);
  const listing = shareOnce((signal) => listDevices(choice, signal, deadlineMs));
  const scanBus = busScanner(os, run, options.sysfsRoot);
  const bus = scanBus ? shareOnce(scanBus) : undefined;
  const records = options.lockdownDir ?? lockdownDir(os, env);
  const powershell = options.powershell ?? sharedWindowsPowerShell(run, ['pnp']);

  const usbmux = systemTask(USBMUX_ROW, async (signal) => {
    const listed = await listing(signal);
    return usbmuxOutcome(os, choice, listed, signal, { deadlineMs, lockdownDir: records, bus });
  });
  switch (os) {
    case 'windows':
      return [
        usbmux,
        systemTask(
          {
            id: 'device:usb-driver',
            kind: 'device',
            title: 'Apple device USB driver',
            purpose: 'Whether Windows has working drivers for a connected iPhone, iPad or iPod',
            minimumDeadlineMs: POWERSHELL_DEADLINE_MS,
          },
          async (signal) => {
            const [listed, pnp] = await Promise.all([listing(signal), powershell(signal)]);
            return judgeUsbDriver(listed, pnp);
          },
        ),
      ];
    case 'mac':
    case 'linux':
      return [
        usbmux,
        systemTask(
          {
            id: 'device:usb-bus',
            kind: 'device',
            title: 'Apple device on the USB bus',
            purpose: 'Whether the device reaches this computer over the cable',
          },
          async (signal) => {
            const [listed, scanned] = await Promise.all([listing(signal), bus!(signal)]);
            return judgeUsbBus(os, listed, scanned);
          },
        ),
      ];
    case 'other':
      return [
        usbmux,
        systemTask({ id: 'device:usb-bus', kind: 'device', title: 'Apple device on the USB bus' }, () =>
          Promise.resolve(notApplicable('Looking for Apple devices on the USB bus', os)),
        ),
      ];
  }
}

interface UsbmuxExtras {
  deadlineMs: number;
  lockdownDir: string;
  bus: ((signal: AbortSignal) => Promise<BusScan>) | undefined;
}

async function usbmuxOutcome(
  os: SystemOs,
  choice: EndpointChoice,
  listed: DeviceListing,
  signal: AbortSignal,
  extras: UsbmuxExtras,
): Promise<SystemOutcome> {
  const context = { os, choice };
  if (choice.kind === 'invalid') return judgeUsbmux(context, listed);
  if (listed.kind === 'listed') {
    const trusts = await Promise.all(
      listed.devices.slice(0, MAX_TRUST_LOOKUPS).map((device, index): Promise<TrustFinding> =>
        trustOf(device, LIST_TAG + 1 + index, {
          endpoint: choice.endpoint,
          lockdownDir: extras.lockdownDir,
          signal,
          deadlineMs: extras.deadlineMs,
        }),
      ),
    );
    return judgeUsbmux(context, listed, trusts);
  }
  // On Linux usbmuxd only runs while a device is plugged in: whether one is decides how bad its absence is.
  if (listed.kind === 'unreachable' && (os === 'linux' || os === 'other') && extras.bus) {
    const scanned = await extras.bus(signal);
    const onBus = scanned.kind === 'scanned' ? scanned.devices.some((device) => isIosDevice(device.vendorId, device.productId)) : undefined;
    return judgeUsbmux({ ...context, appleDeviceOnBus: onBus }, listed);
  }
  return judgeUsbmux(context, listed);
}
