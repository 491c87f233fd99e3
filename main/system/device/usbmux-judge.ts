import { assertNever } from '../../../app/contract/check';
import { CANCELLED_DETAIL } from '../../scheduler/task';
import type { SystemOutcome } from '../task';
import type { SystemOs } from '../../platform/system-os';
import { describeEndpoint, OVERRIDE_VARIABLE, type EndpointChoice } from './endpoint';
import type { DeviceListing } from './listing';
import { RESULT_NAMES, type UsbmuxDevice } from './messages';
import { productName, serialTail } from './product';
import type { TrustFinding } from './trust';

export interface UsbmuxContext {
  os: SystemOs;
  /** This OS's endpoint, the one USBMUXD_SOCKET_ADDRESS names, or why that cannot be used. */
  choice: EndpointChoice;
  /** Linux: whether an Apple device is on the USB bus, which is when usbmuxd should be running. */
  appleDeviceOnBus?: boolean | undefined;
}

interface Where {
  os: SystemOs;
  /** The endpoint as people write it. */
  where: string;
  overridden: boolean;
  appleDeviceOnBus?: boolean | undefined;
}

/** The steps for "nothing seen", in the order that most often helps. */
const NO_DEVICE_STEPS =
  'Unlock the device and keep it on the Home Screen, and tap Trust if it asks whether to trust this computer. If nothing changes, try another cable (one that carries data, not only charge) and a USB port on the computer itself, not a hub, keyboard or display.';

const NOT_TRUSTED_STEPS =
  'unlock it and tap Trust when it asks whether to trust this computer, then enter its passcode. Until then iTunes, Finder and Apple Devices cannot sync it (error 0xE8000015).';

/** Pure: the row for the device service and the devices it lists. */
export function judgeUsbmux(context: UsbmuxContext, listing: DeviceListing, trusts: readonly TrustFinding[] = []): SystemOutcome {
  const { choice } = context;
  if (choice.kind === 'invalid') {
    return {
      status: 'skipped',
      reason: 'cannot-run',
      detail: `Cannot run here: ${OVERRIDE_VARIABLE}="${choice.value}" cannot be used (${choice.why}). Correct it, or unset it to use this system's own device service.`,
      facts: { variable: OVERRIDE_VARIABLE },
    };
  }
  const place: Where = {
    os: context.os,
    where: describeEndpoint(choice.endpoint),
    overridden: choice.overridden,
    appleDeviceOnBus: context.appleDeviceOnBus,
  };
  const { where } = place;
  const service = serviceName(place);
  const facts = { endpoint: where, overridden: place.overridden };
  switch (listing.kind) {
    case 'listed':
      return listed(service, listing.devices, listing.unreadable, trusts, facts);
    case 'unreachable':
      return unreachable(place, listing.code);
    case 'not-allowed':
      return {
        status: 'skipped',
        reason: 'cannot-run',
        detail: `Cannot run here: this user may not connect to ${where} (${listing.code}), so the device service could not be asked.`,
        facts: { ...facts, code: listing.code },
      };
    case 'refused':
      return {
        status: 'warn',
        reason: 'output-not-understood',
        detail: `${service} refused to list devices (result ${listing.number}${RESULT_NAMES[listing.number] ? `, ${RESULT_NAMES[listing.number]}` : ''}). It may be a version this check does not know; restarting it often helps.`,
        facts: { ...facts, result: listing.number },
      };
    case 'not-understood':
      return {
        status: 'warn',
        reason: 'output-not-understood',
        detail: `Something listens on ${where}, but its answer is not the usbmux protocol: ${listing.why}. Another program may hold the device service's place; restart the computer, or check which program listens there.`,
        facts,
      };
    case 'partial':
      return {
        status: 'warn',
        reason: 'output-not-understood',
        detail: `Something on ${where} sent part of an answer (${listing.received} bytes) and then nothing until the deadline: it does not speak the usbmux protocol properly. Restart the device service or the computer.`,
        facts: { ...facts, received: listing.received },
      };
    case 'timeout':
      return {
        status: 'warn',
        reason: 'timed-out',
        detail: listing.connected
          ? `${service} accepted the connection on ${where} but did not answer in time. It may be stuck: restart it or the computer.`
          : `Connecting to ${where} did not finish in time.`,
        facts,
      };
    case 'cancelled':
      return { status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL };
    case 'bad-endpoint':
      // (Only with an invalid choice, answered above.)
      return { status: 'skipped', reason: 'cannot-run', detail: `Cannot run here: ${listing.why}.`, facts };
    default:
      return assertNever(listing, 'device listing');
  }
}

function serviceName(place: Where): string {
  if (place.overridden) return `The device service at ${place.where}`;
  return place.os === 'windows' ? "Apple's device service" : 'usbmuxd';
}

function listed(
  service: string,
  devices: readonly UsbmuxDevice[],
  unreadable: number,
  trusts: readonly TrustFinding[],
  baseFacts: Record<string, string | boolean>,
): SystemOutcome {
  const skippedNote = unreadable > 0 ? ` ${unreadable} more ${unreadable === 1 ? 'entry' : 'entries'} of its list could not be read.` : '';
  if (devices.length === 0) {
    return {
      status: 'warn',
      reason: 'device-none',
      detail: `${service} answers but sees no iPhone, iPad or iPod.${skippedNote} ${NO_DEVICE_STEPS}`,
      facts: { ...baseFacts, devices: 0, kinds: null, connections: null, serialsLast4: null, trust: null, notTrusted: 0 },
    };
  }
  const rows = devices.map((device, index) => ({ device, name: productName(device.productId), trust: trusts[index] ?? UNKNOWN }));
  const untrusted = rows.filter((row) => row.trust.trust === 'not-trusted');
  const unknown = rows.filter((row) => row.trust.trust === 'unknown');
  const facts = {
    ...baseFacts,
    devices: devices.length,
    kinds: rows.map((row) => row.name).join(', '),
    connections: rows.map((row) => (row.device.connection === 'usb' ? 'USB' : 'Network')).join(', '),
    serialsLast4: rows.map((row) => serialTail(row.device.udid) || '?').join(', '),
    trust: rows.map((row) => TRUST_WORDS[row.trust.trust]).join(', '),
    notTrusted: untrusted.length,
    trustSource: [...new Set(rows.map((row) => row.trust.source).filter((source) => source !== null))].join(', ') || null,
  };
  const seen = `${service} sees ${devices.length === 1 ? rows.map(describe).join('') : `${devices.length} devices: ${rows.map(describe).join('; ')}`}.${skippedNote}`;
  if (untrusted.length > 0) {
    const which =
      untrusted.length === 1
        ? `This ${untrusted[0]!.name}`
        : `${untrusted.length} of them (${untrusted.map((row) => row.name).join(', ')})`;
    return {
      status: 'warn',
      reason: 'device-not-trusted',
      detail: `${seen} ${which} ${untrusted.length === 1 ? 'does' : 'do'} not trust this computer yet: ${NOT_TRUSTED_STEPS}`,
      facts,
    };
  }
  const trustLine =
    unknown.length === 0
      ? devices.length === 1
        ? ' It trusts this computer.'
        : ' Each trusts this computer.'
      : unknown.length === devices.length
        ? ' Whether it trusts this computer could not be read.'
        : ` Whether ${unknown.map((row) => row.name).join(', ')} trusts this computer could not be read; the others do.`;
  return { status: 'ok', reason: 'ok', detail: `${seen}${trustLine}`, facts };
}

const UNKNOWN: TrustFinding = { trust: 'unknown', source: null };
const TRUST_WORDS: Record<TrustFinding['trust'], string> = { trusted: 'trusted', 'not-trusted': 'not trusted', unknown: 'unknown' };

function describe(row: { device: UsbmuxDevice; name: string }): string {
  const tail = serialTail(row.device.udid);
  // iPhone, iPad, iPod touch, Apple mobile device: all take "an".
  return `an ${row.name} (${row.device.connection === 'usb' ? 'USB' : 'over the network'}${tail ? `, serial ending ${tail}` : ''})`;
}

function unreachable(context: Where, code: string): SystemOutcome {
  const { where } = context;
  const facts = { endpoint: where, overridden: context.overridden, code };
  if (context.overridden) {
    return {
      status: 'fail',
      reason: 'device-service-unreachable',
      detail: `Nothing answers on ${where}, the device service ${OVERRIDE_VARIABLE} points to (${code}). Start the service there, or unset ${OVERRIDE_VARIABLE} to use this system's own.`,
      facts,
    };
  }
  switch (context.os) {
    case 'windows':
      return {
        status: 'fail',
        reason: 'device-service-unreachable',
        detail: `Nothing answers on ${where}, where Apple's device service listens, so iTunes and Apple Devices cannot see any iPhone, iPad or iPod. With iTunes from Apple's website, start "Apple Mobile Device Service" in Services (services.msc); with the Apple Devices app or iTunes from the Microsoft Store, quit the app and open it again (it runs the service itself).`,
        facts,
      };
    case 'mac':
      return {
        status: 'fail',
        reason: 'device-service-unreachable',
        detail: `Nothing answers on ${where}: usbmuxd, the macOS service that talks to iPhone, iPad and iPod over USB, is not running. launchd normally keeps it running; restart it with "sudo killall usbmuxd" (launchd starts it again) or restart the Mac.`,
        facts,
      };
    case 'linux':
    case 'other': {
      // usbmuxd is started by udev when a device is plugged in and stops when the last one leaves.
      if (context.appleDeviceOnBus === undefined) {
        // Neither the service nor the bus can tell: that is not a finding about the device, just a check that could not look.
        return {
          status: 'skipped',
          reason: 'cannot-run',
          detail: `Nothing answers on ${where} and this computer's USB devices cannot be read, so whether an iPhone, iPad or iPod is connected cannot be told here. On Linux, usbmuxd starts when a device is plugged in.`,
          facts,
        };
      }
      const expected = !context.appleDeviceOnBus;
      return {
        status: expected ? 'warn' : 'fail',
        reason: 'device-service-unreachable',
        detail: expected
          ? `Nothing answers on ${where}: usbmuxd is not running. It starts when an iPhone, iPad or iPod is plugged in, and none is on the USB bus now; plug the device in (unlocked) and check again.`
          : `Nothing answers on ${where}: usbmuxd is not running although an Apple device is on the USB bus. Install the usbmuxd package, or start it with "sudo systemctl start usbmuxd".`,
        facts,
      };
    }
  }
}
