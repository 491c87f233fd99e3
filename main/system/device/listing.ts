import type { EndpointChoice } from './endpoint';
import { exchange } from './exchange';
import { listDevicesRequest, readDeviceList, replyOf, type UsbmuxDevice } from './messages';

/** What the daemon said to ListDevices, or why it said nothing usable. */
export type DeviceListing =
  | { kind: 'listed'; devices: UsbmuxDevice[]; unreadable: number }
  | { kind: 'unreachable'; code: string }
  | { kind: 'not-allowed'; code: string }
  /** It answered with an error number (bad command, bad version...). */
  | { kind: 'refused'; number: number }
  /** It answered something that is not a usbmux device list (garbage, a cut frame, another tag). */
  | { kind: 'not-understood'; why: string }
  /** Part of a frame came, then nothing until the deadline. */
  | { kind: 'partial'; received: number }
  | { kind: 'timeout'; connected: boolean }
  | { kind: 'cancelled' }
  | { kind: 'bad-endpoint'; value: string; why: string };

/** The tag of the ListDevices request; pairing-record requests take the ones after it. */
export const LIST_TAG = 1;

/** Sends ListDevices and reads the answer. Never throws. */
export async function listDevices(choice: EndpointChoice, signal: AbortSignal, deadlineMs: number): Promise<DeviceListing> {
  if (choice.kind === 'invalid') return { kind: 'bad-endpoint', value: choice.value, why: choice.why };
  const outcome = await exchange(choice.endpoint, listDevicesRequest(LIST_TAG), { signal, deadlineMs });
  switch (outcome.kind) {
    case 'reply': {
      const list = readDeviceList(replyOf(outcome.header, outcome.body, LIST_TAG));
      return list.kind === 'devices' ? { kind: 'listed', devices: list.devices, unreadable: list.unreadable } : list;
    }
    case 'closed':
      return {
        kind: 'not-understood',
        why:
          outcome.received === 0
            ? 'it closed the connection without answering'
            : `it sent ${outcome.received} bytes of a reply and closed the connection`,
      };
    case 'invalid':
      return { kind: 'not-understood', why: `the reply starts with ${outcome.why}` };
    case 'timeout':
      return outcome.received > 0 ? { kind: 'partial', received: outcome.received } : { kind: 'timeout', connected: outcome.connected };
    case 'unreachable':
    case 'not-allowed':
    case 'cancelled':
      return outcome;
  }
}
