import type { CheckResult } from '../../app/contract/check';

/** One device the device service sees, as the card lists it. */
export interface SeenDevice {
  name: string;
  connection: string;
  /** The last four characters of its serial number, or '' when it is too short to show any. */
  serialTail: string;
  trust: 'trusted' | 'not trusted' | 'unknown';
}

/** The id of the row that lists the devices; the card's other rows are the USB side. */
export const USBMUX_CHECK_ID = 'device:usbmux';

/**
 * The devices in a device:usbmux result. The check reports them as parallel lists in its facts
 * ("iPhone, iPad", "USB, Network", "802E, 5F60", "trusted, not trusted"), in the same order.
 */
export function seenDevices(result: CheckResult | undefined): SeenDevice[] {
  if (result?.kind !== 'device' || result.id !== USBMUX_CHECK_ID) return [];
  const list = (key: string): string[] => {
    const value = result.facts?.[key];
    return typeof value === 'string' && value !== '' ? value.split(', ') : [];
  };
  const names = list('kinds');
  const connections = list('connections');
  const tails = list('serialsLast4');
  const trusts = list('trust');
  return names.map((name, index) => ({
    name,
    connection: connections[index] ?? '',
    serialTail: tails[index] === '?' ? '' : (tails[index] ?? ''),
    trust: trustOf(trusts[index]),
  }));
}

function trustOf(word: string | undefined): SeenDevice['trust'] {
  return word === 'trusted' || word === 'not trusted' ? word : 'unknown';
}

/** The card's one-line answer, from the device service's row. */
export function deviceHeadline(result: CheckResult | undefined, running: boolean): string {
  if (!result) return running ? 'Checking…' : 'Waiting to be checked';
  const facts = result.kind === 'device' ? result.facts : undefined;
  const count = typeof facts?.['devices'] === 'number' ? facts['devices'] : 0;
  switch (result.reason) {
    case 'ok':
      return count === 1 ? 'One device is seen' : `${count} devices are seen`;
    case 'device-not-trusted':
      return 'Seen, but this computer is not trusted yet';
    case 'device-none':
      return 'No iPhone, iPad or iPod is seen';
    case 'device-service-unreachable':
      return 'The device service is not running';
    case 'output-not-understood':
      return "The device service's answer was not understood";
    case 'timed-out':
      return 'The device service did not answer in time';
    case 'cannot-run':
      return 'The device service could not be asked';
    case 'cancelled':
      return 'Cancelled before the check finished';
    default:
      return result.title;
  }
}

/**
 * What the card says under the list when a listed device does not trust this computer (the check's
 * detail repeats the list, which the card already shows).
 */
export function trustAdvice(devices: readonly SeenDevice[]): string | undefined {
  const untrusted = devices.filter((device) => device.trust === 'not trusted');
  if (untrusted.length === 0) return undefined;
  const names = [...new Set(untrusted.map((device) => device.name))].join(' and the ');
  return `Unlock the ${names} and tap Trust when asked whether to trust this computer, then enter the passcode. Until then iTunes, Finder and Apple Devices cannot sync it (error 0xE8000015).`;
}

export const TRUST_TEXT: Record<SeenDevice['trust'], string> = {
  trusted: 'Trusts this computer',
  'not trusted': 'Does not trust this computer yet',
  unknown: 'Trust could not be read',
};
