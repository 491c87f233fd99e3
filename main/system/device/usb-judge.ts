import { commandTrouble, troubleOutcome, type SystemOutcome } from '../task';
import { type SystemOs } from '../../platform/system-os';
import type { CommandOutcome } from '../../platform/exec';
import type { BusDevice, BusScan } from './bus';
import type { DeviceListing } from './listing';
import { parsePnpScript, pnpErrorText, type PnpEntry } from './pnp';
import { appleUsbRole, hexId, isIosDevice, productName, type AppleUsbRole } from './product';

/** What the device service's list says, as far as the USB rows need it. */
interface ListedSummary {
  /** The service answered with a list (possibly empty). */
  answered: boolean;
  usb: number;
  network: number;
}

function listedSummary(listing: DeviceListing): ListedSummary {
  if (listing.kind !== 'listed') return { answered: false, usb: 0, network: 0 };
  const usb = listing.devices.filter((device) => device.connection === 'usb').length;
  return { answered: true, usb, network: listing.devices.length - usb };
}

const CABLE_STEPS =
  "Check that the device charges; try another cable (one that carries data, not only charge, ideally Apple's) and a USB port on the computer itself rather than a hub, keyboard or display.";

const DRIVER_STEPS = `Reinstall the Apple Mobile Device USB driver: unplug the device. With iTunes from Apple's website, open "%ProgramFiles%\\Common Files\\Apple\\Mobile Device Support\\Drivers", right-click usbaapl64.inf and choose Install. With the Apple Devices app or iTunes from the Microsoft Store, open Device Manager, right-click the device under Portable Devices (or Universal Serial Bus devices) and choose Update driver, then Search automatically for drivers. Then plug the device in again, unlocked, and check again.`;

interface RoleCount {
  mobile: BusDevice[];
  recovery: BusDevice[];
  dfu: BusDevice[];
  otherApple: number;
}

function countRoles(devices: readonly BusDevice[]): RoleCount {
  const count: RoleCount = { mobile: [], recovery: [], dfu: [], otherApple: 0 };
  for (const device of devices) {
    const role: AppleUsbRole = appleUsbRole(device.vendorId, device.productId);
    if (role === 'mobile') count.mobile.push(device);
    else if (role === 'recovery') count.recovery.push(device);
    else if (role === 'dfu') count.dfu.push(device);
    else if (role === 'other-apple') count.otherApple += 1;
  }
  return count;
}

function names(devices: readonly BusDevice[]): string {
  return [...new Set(devices.map((device) => productName(device.productId)))].join(', ');
}

/** "An iPhone is" or "2 Apple mobile devices (iPhone, iPad) are". */
function thereIs(devices: readonly BusDevice[]): string {
  return devices.length === 1 ? `An ${names(devices)} is` : `${devices.length} Apple mobile devices (${names(devices)}) are`;
}

const RECOVERY_NOTE =
  'in recovery or DFU mode: Finder, iTunes or Apple Devices can update or restore it, and the device service does not list a device in that mode.';

/** Pure: whether a device reaches the computer over the cable at all (macOS ioreg/system_profiler, Linux sysfs). */
export function judgeUsbBus(os: SystemOs, listing: DeviceListing, scan: BusScan): SystemOutcome {
  if (scan.kind === 'not-understood') {
    return {
      status: 'warn',
      reason: 'output-not-understood',
      detail: `The USB bus could not be read: ${scan.why}.`,
      facts: { source: scan.source },
    };
  }
  if (scan.kind !== 'scanned') return troubleOutcome(scan, 'Listing the USB devices took too long.');
  const roles = countRoles(scan.devices);
  const listed = listedSummary(listing);
  const service = os === 'mac' ? 'usbmuxd' : 'the device service';
  const facts = {
    source: scan.source,
    usbDevices: scan.devices.length,
    appleMobileOnBus: roles.mobile.length,
    recoveryOrDfuOnBus: roles.recovery.length + roles.dfu.length,
    productIds: [...roles.mobile, ...roles.recovery, ...roles.dfu].map((device) => hexId(device.productId)).join(', ') || null,
  };
  if (listed.usb > 0) {
    return {
      status: 'ok',
      reason: 'ok',
      detail: `The device is on the USB bus and ${service} sees it${roles.mobile.length > 0 ? ` (${names(roles.mobile)})` : ''}: the cable and port work.`,
      facts,
    };
  }
  if (roles.recovery.length + roles.dfu.length > 0) {
    return {
      status: 'ok',
      reason: 'ok',
      detail: `An Apple device is on the USB bus ${RECOVERY_NOTE}`,
      facts,
    };
  }
  if (roles.mobile.length > 0) {
    if (!listed.answered) {
      return {
        status: 'ok',
        reason: 'ok',
        detail: `${thereIs(roles.mobile)} on the USB bus: the cable and port work. What is missing is the device service (see the row above).`,
        facts,
      };
    }
    return {
      status: 'warn',
      reason: 'device-none',
      detail: `${thereIs(roles.mobile)} on the USB bus, so the cable and port work, but ${service} does not list it: it is locked or waiting for Trust. Unlock it, keep it on the Home Screen and tap Trust if it asks whether to trust this computer; a device locked for more than an hour stops talking over USB until it is unlocked.`,
      facts,
    };
  }
  if (listed.network > 0) {
    return {
      status: 'ok',
      reason: 'ok',
      detail: `No iPhone, iPad or iPod is on the USB bus; ${listed.network === 1 ? 'one is' : `${listed.network} are`} seen over the network (Wi-Fi sync). For USB, ${lowerFirst(CABLE_STEPS)}`,
      facts,
    };
  }
  return {
    status: 'warn',
    reason: 'device-not-on-usb',
    detail: `No iPhone, iPad or iPod is on this computer's USB bus at all: the computer does not see the cable's other end. ${CABLE_STEPS}`,
    facts,
  };
}

/** Pure: Windows' Plug and Play view of Apple devices (the Windows script's `pnp` part): a driver problem, none connected, or fine. */
export function judgeUsbDriver(listing: DeviceListing, outcome: CommandOutcome): SystemOutcome {
  if (outcome.kind !== 'ran') return commandTrouble('powershell', outcome);
  const entries = outcome.exitCode === 0 ? parsePnpScript(outcome.stdout) : undefined;
  if (!entries) {
    return {
      status: 'warn',
      reason: 'output-not-understood',
      detail: `PowerShell did not list the Plug and Play devices (exit ${outcome.exitCode}${outcome.stderr.trim() ? `: ${outcome.stderr.trim().split('\n')[0]!.slice(0, 160)}` : ''}).`,
    };
  }
  const phones = entries.filter((entry) => isIosDevice(entry.vendorId, entry.productId));
  const broken = phones.filter((entry) => entry.errorCode !== 0);
  const listed = listedSummary(listing);
  const facts = {
    source: 'Win32_PnPEntity',
    appleEntries: phones.length,
    problems: broken.length,
    errorCodes: [...new Set(broken.map((entry) => entry.errorCode))].join(', ') || null,
    drivers: [...new Set(phones.map((entry) => entry.service).filter((service): service is string => !!service))].join(', ') || null,
    productIds: [...new Set(phones.map((entry) => hexId(entry.productId)))].join(', ') || null,
  };
  if (broken.length > 0) {
    return {
      status: 'fail',
      reason: 'device-driver-problem',
      detail: `Windows sees the device but reports a driver problem: ${broken.map(describeProblem).join('; ')}. ${
        broken.some((entry) => entry.errorCode === 22)
          ? 'Enable it in Device Manager (right-click it, Enable device); if that does not help: '
          : ''
      }${DRIVER_STEPS}`,
      facts,
    };
  }
  if (phones.length > 0) {
    const recovery = phones.filter((entry) => appleUsbRole(entry.vendorId, entry.productId) !== 'mobile');
    return {
      status: 'ok',
      reason: 'ok',
      detail:
        recovery.length === phones.length
          ? `An Apple device is connected ${RECOVERY_NOTE} Its drivers work.`
          : `Windows sees the connected ${names(phones.filter((entry) => appleUsbRole(entry.vendorId, entry.productId) === 'mobile'))} on USB and its drivers work${driverNote(phones)}.`,
      facts,
    };
  }
  if (listed.usb > 0 || listed.network > 0) {
    return { status: 'ok', reason: 'ok', detail: 'No Apple device driver reports a problem.', facts };
  }
  return {
    status: 'warn',
    reason: 'device-not-on-usb',
    detail: `Windows does not see any iPhone, iPad or iPod on USB: the computer does not see the cable's other end. ${CABLE_STEPS}`,
    facts,
  };
}

function describeProblem(entry: PnpEntry): string {
  return `${entry.name}: ${pnpErrorText(entry.errorCode)}`;
}

function driverNote(entries: readonly PnpEntry[]): string {
  const apple = entries.some((entry) => entry.service?.toLowerCase().startsWith('usbaapl'));
  return apple ? ' (Apple Mobile Device USB Driver)' : '';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
