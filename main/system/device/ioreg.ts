import type { BusDevice } from './bus';
import { usbId } from './bus';

/**
 * Reads `ioreg -p IOUSB -l -w0`: a tree of `+-o Name@location  <class ...>` lines, each followed
 * by its properties in braces (`"idVendor" = 1452`, `"idProduct" = 4776`, decimal). Only the ids
 * are kept; the product names and serial numbers it also prints are not. Undefined when the text
 * is not an IOUSB listing. Pure.
 */
export function parseIoregUsb(text: string): BusDevice[] | undefined {
  if (!/^[\s|]*\+-o /m.test(text)) return undefined;
  const devices: BusDevice[] = [];
  let node: { vendorId?: number; productId?: number } | undefined;
  const flush = () => {
    if (node?.vendorId !== undefined && node.productId !== undefined) devices.push({ vendorId: node.vendorId, productId: node.productId });
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^[\s|]*\+-o /.test(line)) {
      flush();
      node = {};
      continue;
    }
    const property = /^[\s|]*"(idVendor|idProduct)"\s*=\s*(0x[0-9a-f]+|\d+)\s*$/i.exec(line);
    if (!property || !node) continue;
    const id = usbId(property[2]!, 10);
    if (id === undefined) continue;
    if (property[1] === 'idVendor') node.vendorId = id;
    else node.productId = id;
  }
  flush();
  return devices;
}
