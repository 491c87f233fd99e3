import { powershellJsonRecords, powershellScriptRecords } from '../powershell';
import { usbId } from './bus';
import { isIosDevice, productName } from './product';

/** One Plug and Play entry of an Apple USB device (the device itself, or one of its interfaces). */
export interface PnpEntry {
  vendorId: number;
  productId: number;
  /** "MI_00"... for an interface of a composite device; null for the device itself. */
  usbInterface: string | null;
  /** A name safe to show: Windows' generic one, never the device's own (which may be the owner's). */
  name: string;
  pnpClass: string | null;
  /** The driver service: usbaapl64 (Apple Mobile Device USB Driver), WUDFWpdMtp, usbccgp... */
  service: string | null;
  /** Win32_PnPEntity.ConfigManagerErrorCode: 0 works, anything else is Device Manager's yellow mark. */
  errorCode: number;
}

/**
 * The Plug and Play part of the one PowerShell run on Windows (windows-powershell.ts): adds `pnp`
 * to its result `$r`, the entries whose id has Apple's vendor id: the USB device, its interfaces,
 * and the portable device (SWD\WPDBUSENUM\..._VID_05AC...). One CIM query through WMI, as Device
 * Manager sees them. `[_]` is WQL for a literal underscore.
 */
export const PNP_PART = [
  'try { $r.pnp = @(Get-CimInstance -ClassName Win32_PnPEntity -Filter "PNPDeviceID LIKE \'%VID[_]05AC%\'" | ForEach-Object { [ordered]@{ Name = "$($_.Name)"; PNPDeviceID = "$($_.PNPDeviceID)"; PNPClass = "$($_.PNPClass)"; Service = "$($_.Service)"; Status = "$($_.Status)"; ConfigManagerErrorCode = [int]$_.ConfigManagerErrorCode; Present = $_.Present } }) } catch { $r.pnpError = "$_" }',
];

/** Generic names Windows gives Apple's device entries; anything else may be the owner's device name. */
const GENERIC_NAME = /^Apple (Mobile Device|iPhone|iPad|iPod|Recovery|DFU|USB)[A-Za-z0-9 ().-]*$/;

/** The Apple entries from the Windows script's JSON (its `pnp` field); undefined when they could not be listed. Pure. */
export function parsePnpScript(text: string): PnpEntry[] | undefined {
  const records = powershellScriptRecords(text, 'pnp');
  return records ? pnpEntriesOf(records) : undefined;
}

/**
 * Reads `Get-PnpDevice | ... | ConvertTo-Json` (FriendlyName, InstanceId, Class, Problem) or
 * the script's entries on their own: one object, an array, or nothing at all when there are none.
 * Pure.
 */
export function parsePnpJson(text: string): PnpEntry[] | undefined {
  const records = powershellJsonRecords(text);
  return records ? pnpEntriesOf(records) : undefined;
}

/** Entries not present (Present false, or error 45 "not connected") are left out. */
function pnpEntriesOf(records: readonly Record<string, unknown>[]): PnpEntry[] {
  const entries: PnpEntry[] = [];
  for (const item of records) {
    const id = firstText(item, ['PNPDeviceID', 'InstanceId', 'DeviceID']);
    const ids = id ? /VID_([0-9A-F]{4})&PID_([0-9A-F]{4})(?:&(MI_[0-9A-F]{2}))?/i.exec(id) : null;
    if (!ids) continue;
    const errorCode = numberOf(item['ConfigManagerErrorCode']) ?? 0;
    if (item['Present'] === false || item['Present'] === 'False' || errorCode === 45) continue;
    const vendorId = usbId(ids[1]!, 16)!;
    const productId = usbId(ids[2]!, 16)!;
    const rawName = firstText(item, ['Name', 'FriendlyName']) ?? '';
    const kind = isIosDevice(vendorId, productId) ? productName(productId) : 'Apple USB device';
    entries.push({
      vendorId,
      productId,
      usbInterface: ids[3]?.toUpperCase() ?? null,
      name: GENERIC_NAME.test(rawName) ? rawName : `${kind} (${firstText(item, ['PNPClass', 'Class']) ?? 'USB'} entry)`,
      pnpClass: firstText(item, ['PNPClass', 'Class']) ?? null,
      service: firstText(item, ['Service']) ?? null,
      errorCode,
    });
  }
  return entries;
}

function firstText(item: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = item[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** Device Manager's words for the error codes an Apple device shows most (Win32_PnPEntity documentation). */
const PNP_ERRORS: Readonly<Record<number, string>> = {
  1: 'the device is not configured correctly (code 1)',
  3: 'its driver may be corrupted (code 3)',
  10: 'the device cannot start (code 10)',
  18: 'its drivers need to be reinstalled (code 18)',
  19: 'its registry configuration is damaged (code 19)',
  22: 'the device is disabled (code 22)',
  24: 'the device is not working properly or not all its drivers are installed (code 24)',
  28: 'its drivers are not installed (code 28)',
  31: 'Windows cannot load its drivers (code 31)',
  37: 'Windows cannot initialize its driver (code 37)',
  39: 'Windows cannot load its driver, which may be corrupted or missing (code 39)',
  43: 'Windows stopped the device because it reported problems (code 43)',
  48: 'its driver has been blocked from starting (code 48)',
  52: "Windows cannot verify its driver's digital signature (code 52)",
};

export function pnpErrorText(code: number): string {
  return PNP_ERRORS[code] ?? `Device Manager reports problem code ${code}`;
}
