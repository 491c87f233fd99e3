import type { Trouble } from '../../platform/exec';

/** A device on the USB bus, by its ids only: names and serials are left where they were read. */
export interface BusDevice {
  vendorId: number;
  productId: number;
}

/** What a look at the USB bus gave: the devices and where they were read, or why not. */
export type BusScan =
  { kind: 'scanned'; devices: BusDevice[]; source: string } | { kind: 'not-understood'; why: string; source: string } | Trouble;

/** Reads a USB id written as decimal, 0x-hex or bare hex (sysfs writes "05ac"). */
export function usbId(text: string, radix: 10 | 16): number | undefined {
  const trimmed = text.trim();
  const hex = /^0x([0-9a-f]{1,4})$/i.exec(trimmed);
  if (hex) return Number.parseInt(hex[1]!, 16);
  const pattern = radix === 16 ? /^[0-9a-f]{1,4}$/i : /^\d{1,5}$/;
  if (!pattern.test(trimmed)) return undefined;
  const value = Number.parseInt(trimmed, radix);
  return value <= 0xffff ? value : undefined;
}
