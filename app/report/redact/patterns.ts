// The strict patterns for personal data in free text. Each is narrow on purpose: a pattern that
// also takes version numbers, timings or certificate names damages the diagnosis, and values known
// from the system (personal-values.ts) do the broad work.

import type { HiddenKind } from './placeholders';

/** A path separator as it appears in text: either slash, an escaped backslash, or URL-encoded. */
export const SEP = String.raw`(?:\\\\|\\|/|%5[cC]|%2[fF])`;
const NAME_CHAR = String.raw`[^\\/\s"'<>|:*?%]`;

/** A user's home folder of any user: `C:\Users\NAME`, `/Users/NAME`, `/home/NAME` (group 1 is NAME). */
export const HOME_PATH = new RegExp(
  String.raw`(?:(?<![\p{L}\p{N}])[A-Za-z](?::|%3[aA]))?${SEP}(?:Users|home|Documents and Settings)${SEP}(${NAME_CHAR}+(?:%20${NAME_CHAR}+)*)`,
  'giu',
);

/** USER=alice, COMPUTERNAME=ALICE-PC... as environment dumps and logs print them. */
export const ENV_ASSIGNMENT = /\b(USER|USERNAME|LOGNAME|COMPUTERNAME|HOSTNAME)\s*=\s*["']?([^\s"';,]+)/g;
export const ENV_KINDS: Record<string, 'user-name' | 'computer-name'> = {
  USER: 'user-name',
  USERNAME: 'user-name',
  LOGNAME: 'user-name',
  COMPUTERNAME: 'computer-name',
  HOSTNAME: 'computer-name',
};

/**
 * "Serial Number: F2LXK0ABCD12", "UDID=00008030-...", "ECID 0x1A2B3C4D5E6F7": the label, what
 * separates it, and the value. After a bare space the value must look like a serial (8+ characters
 * with a digit), so "serial numbers are hidden" stays as it is.
 */
export const SERIAL_LABELLED =
  /\b(serial(?:[ _-]?(?:number|no\.?))?|SerialNumber|S\/N|UDID|UniqueDeviceID|ECID|UniqueChipID|IMEI|MEID)\b(\s*["']?\s*[:=#]\s*["']?\s*|\s+)([A-Za-z0-9][A-Za-z0-9-]{3,63})/gi;

export function serialLabel(label: string): string {
  const lower = label.toLowerCase();
  if (lower === 'udid' || lower === 'uniquedeviceid') return 'UDID';
  if (lower === 'ecid' || lower === 'uniquechipid') return 'ECID';
  if (lower === 'imei' || lower === 'meid') return label.toUpperCase();
  return 'serial';
}

/** Device identifiers whose shape alone gives them away: 40 hex digits, or 8-16 hex digits (UDIDs). */
export const UDID_SHAPED = /(?<![0-9A-Za-z])(?:[0-9A-Fa-f]{40}|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{16})(?![0-9A-Za-z])/g;

/**
 * An Apple serial number standing alone: 10 to 12 capitals and digits with at least two letters and
 * three digits ("C02XK0ABJGH5", "H4X7KQ9PLM"). Parts of hyphenated names (GUIDs, host names) are not.
 */
export const SERIAL_SHAPED = /(?<![\p{L}\p{N}_-])(?=(?:[0-9]*[A-Z]){2})(?=(?:[A-Z]*[0-9]){3})[A-Z0-9]{10,12}(?![\p{L}\p{N}_-])/gu;

/** "SSID: Home Network", "SSID = "Alice's Wi-Fi"": group 2 (quoted) or 3 (to the end of the line). */
export const SSID_LABELLED = /\bSSID\b(\s*[:=]\s*)(?:"([^"\r\n]{1,64})"|([^\r\n,;"]{1,64}))/g;

export const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}-])/gu;

export const MAC_ADDRESS =
  /(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:-])|(?<![0-9A-Fa-f.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![0-9A-Fa-f.])/g;

export const IPV4_CANDIDATE = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d)/g;
export const IPV6_CANDIDATE =
  /(?<![0-9A-Fa-f:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4})?(?:%[0-9A-Za-z_-]+)?(?![0-9A-Za-z:]|\.\d)/g;

/** "Alice's iPhone", "Alice Smith's iPad (2)": how Apple names devices by default. */
export const DEVICE_NAME =
  /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}\p{N}-]*\s)?[\p{L}\p{N}][\p{L}\p{N}.-]*['’]s\s(?:iPhone|iPad|iPod(?:\stouch)?|Apple\sWatch|MacBook(?:\s(?:Pro|Air))?|iMac|Mac\s(?:mini|Pro|Studio)|Mac)(?:\s\(\d+\))?(?![\p{L}\p{N}])/gu;

/** "Apple's iPhone" and the like are the vendor's words, not a person's device. */
export function isDeviceName(text: string): boolean {
  return !/^(?:apple|this|the|your|a)['’]s\s/i.test(text) && !/\s(?:apple|this|the|your)['’]s\s/i.test(text);
}

/** Fact keys whose whole value is personal, whatever it looks like. */
const KEY_KINDS: readonly { key: RegExp; kind: HiddenKind }[] = [
  { key: /^(?:serial|serialnumber|serial_number|udid|uniquedeviceid|ecid|uniquechipid|imei|meid)$/i, kind: 'serial' },
  { key: /^(?:bssid|macaddress|mac_address|hardwareaddress)$/i, kind: 'mac-address' },
  { key: /ssid|wifi|wi-fi/i, kind: 'wifi-name' },
  { key: /^(?:device|devicename|device_name)$/i, kind: 'device-name' },
  { key: /^(?:computer|computername|hostname|host_name|machinename|localhostname)$/i, kind: 'computer-name' },
  { key: /^(?:user|username|user_name|account|owner|login|logonuser)$/i, kind: 'user-name' },
  { key: /e-?mail/i, kind: 'email' },
];

export function kindOfKey(key: string | undefined): HiddenKind | undefined {
  if (key === undefined) return undefined;
  return KEY_KINDS.find((rule) => rule.key.test(key))?.kind;
}
