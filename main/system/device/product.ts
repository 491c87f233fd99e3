// What an Apple USB product id says about the device. Ids from libimobiledevice's usbmuxd
// (usb.h: mobile devices 0x1290-0x12AF) and libirecovery (recovery and DFU modes).

export const APPLE_VENDOR_ID = 0x05ac;

/** How a device on the USB bus matters to this check. */
export type AppleUsbRole = 'mobile' | 'recovery' | 'dfu' | 'other-apple' | 'not-apple';

const RECOVERY_IDS = new Set([0x1280, 0x1281, 0x1282, 0x1283]);
/** DFU (0x1227), WTF (0x1222) and port DFU (0xF014). */
const DFU_IDS = new Set([0x1222, 0x1227, 0xf014]);

export function appleUsbRole(vendorId: number, productId: number): AppleUsbRole {
  if (vendorId !== APPLE_VENDOR_ID) return 'not-apple';
  if (productId >= 0x1290 && productId <= 0x12af) return 'mobile';
  if (RECOVERY_IDS.has(productId)) return 'recovery';
  if (DFU_IDS.has(productId)) return 'dfu';
  return 'other-apple';
}

/** An iPhone, iPad or iPod, in normal, recovery or DFU mode. */
export function isIosDevice(vendorId: number, productId: number): boolean {
  const role = appleUsbRole(vendorId, productId);
  return role === 'mobile' || role === 'recovery' || role === 'dfu';
}

/** The kind of device for a product id: iPhone, iPad, iPod touch, or Apple mobile device. */
export function productName(productId: number | undefined): string {
  switch (productId) {
    case 0x12a8:
      return 'iPhone';
    case 0x12ab:
      return 'iPad';
    case 0x12aa:
      return 'iPod touch';
    default:
      // Older models have ids of their own in the range; the id alone does not say which.
      return 'Apple mobile device';
  }
}

/** A product id as people write it: 0x12A8. */
export function hexId(id: number): string {
  return `0x${id.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The last four characters of a serial number or UDID, the most any output shows. A serial too
 * short to keep most of it hidden shows nothing.
 */
export function serialTail(serial: string): string {
  const compact = serial.trim();
  return compact.length >= 8 ? compact.slice(-4) : '';
}
