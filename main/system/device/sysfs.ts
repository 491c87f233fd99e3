import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { abortTrouble } from '../../platform/exec';
import { usbId, type BusDevice, type BusScan } from './bus';

export const SYSFS_USB_DEVICES = '/sys/bus/usb/devices';

/**
 * The USB devices Linux knows, from sysfs: each device folder has `idVendor` and `idProduct`
 * (hex, "05ac"); interface folders ("1-1:1.0") have neither and are skipped. No root needed.
 */
export async function scanSysfs(signal: AbortSignal, root = SYSFS_USB_DEVICES): Promise<BusScan> {
  const source = root;
  let entries: string[];
  try {
    entries = await readdir(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    return { kind: 'cannot-run', why: `${root} cannot be read (${code})` };
  }
  const devices: BusDevice[] = [];
  // A machine has tens of entries; the bound keeps an odd folder from running away.
  for (const entry of entries.slice(0, 512)) {
    if (signal.aborted) return abortTrouble(signal);
    const [vendor, product] = await Promise.all(
      ['idVendor', 'idProduct'].map((name) => readFile(path.join(root, entry, name), 'utf8').catch(() => undefined)),
    );
    const vendorId = vendor === undefined ? undefined : usbId(vendor, 16);
    const productId = product === undefined ? undefined : usbId(product, 16);
    if (vendorId !== undefined && productId !== undefined) devices.push({ vendorId, productId });
  }
  return { kind: 'scanned', devices, source };
}
