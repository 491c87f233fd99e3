import type { BusDevice } from './bus';
import { usbId } from './bus';
import { APPLE_VENDOR_ID } from './product';

/**
 * Reads `system_profiler SPUSBDataType -json`: `{ "SPUSBDataType": [ bus { "_items": [ device
 * { "product_id": "0x12a8", "vendor_id": "apple_vendor_id" | "0x05ac  (Apple Inc.)", "_items": [...] } ] } ] }`.
 * Every value is a string; Apple's own devices name their vendor "apple_vendor_id". Undefined when
 * the text is not that listing. Pure.
 */
export function parseSystemProfilerUsb(text: string): BusDevice[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const buses = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['SPUSBDataType'] : undefined;
  if (!Array.isArray(buses)) return undefined;
  const devices: BusDevice[] = [];
  // Hubs nest their devices in _items; the depth is bounded so an odd document cannot run away.
  const walk = (items: unknown, depth: number) => {
    if (!Array.isArray(items) || depth > 16) return;
    for (const item of items) {
      if (typeof item !== 'object' || item === null) continue;
      const record = item as Record<string, unknown>;
      const vendorId = vendorOf(record['vendor_id']);
      const productId = typeof record['product_id'] === 'string' ? usbId(record['product_id'], 16) : undefined;
      if (vendorId !== undefined && productId !== undefined) devices.push({ vendorId, productId });
      walk(record['_items'], depth + 1);
    }
  };
  walk(buses, 0);
  return devices;
}

function vendorOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.trim() === 'apple_vendor_id') return APPLE_VENDOR_ID;
  const hex = /^\s*(0x[0-9a-f]{1,4})\b/i.exec(value);
  return hex ? usbId(hex[1]!, 16) : undefined;
}
