// The usbmux requests this check sends and what their replies mean, as libusbmuxd and usbmuxd
// (libimobiledevice) define them. Pure.

import { encodeFrame, PLIST_MESSAGE, RESULT_MESSAGE, type FrameHeader } from './frame';
import { dictOf, plistBody, readPlist, type PlistValue } from './plist-body';

/** A device as the daemon lists it. */
export interface UsbmuxDevice {
  /** The daemon's id for it (its UDID): private, used only to ask for its pairing record, never shown. */
  udid: string;
  productId: number | undefined;
  connection: 'usb' | 'network';
}

export type Reply = { kind: 'plist'; value: PlistValue } | { kind: 'result'; number: number } | { kind: 'not-understood'; why: string };

export type DeviceListReply =
  | { kind: 'devices'; devices: UsbmuxDevice[]; unreadable: number }
  /** The daemon answered with an error number instead of a list. */
  | { kind: 'refused'; number: number }
  | { kind: 'not-understood'; why: string };

export type PairRecordReply = { kind: 'present' } | { kind: 'absent'; number: number } | { kind: 'not-understood'; why: string };

/** Result numbers of the protocol (usbmuxd-proto.h). */
export const RESULT_NAMES: Readonly<Record<number, string>> = {
  0: 'OK',
  1: 'bad command',
  2: 'bad device',
  3: 'connection refused',
  6: 'bad version',
};

/** The most devices one answer is read for; a real computer has a handful. */
const MAX_DEVICES = 64;

const CLIENT = { ClientVersionString: 'sync-doctor', ProgName: 'sync-doctor', kLibUSBMuxVersion: 3 };

export function listDevicesRequest(tag: number): Buffer {
  return encodeFrame(tag, plistBody({ MessageType: 'ListDevices', ...CLIENT }));
}

export function readPairRecordRequest(tag: number, udid: string): Buffer {
  return encodeFrame(tag, plistBody({ MessageType: 'ReadPairRecord', PairRecordID: udid, ...CLIENT }));
}

/** What a reply frame says, if it answers the request with `tag`. */
export function replyOf(header: FrameHeader, body: Buffer, tag: number): Reply {
  if (header.tag !== tag) return { kind: 'not-understood', why: `it answered another request (tag ${header.tag}, not ${tag})` };
  if (header.type === RESULT_MESSAGE) {
    return body.length === 4
      ? { kind: 'result', number: body.readUInt32LE(0) }
      : { kind: 'not-understood', why: `a binary result of ${body.length} bytes instead of 4` };
  }
  if (header.type !== PLIST_MESSAGE) return { kind: 'not-understood', why: `message type ${header.type}` };
  const read = readPlist(body);
  if (read.kind === 'not-plist') return { kind: 'not-understood', why: read.why };
  const dict = dictOf(read.value);
  if (dict?.['MessageType'] === 'Result') {
    const number = dict['Number'];
    return typeof number === 'number' ? { kind: 'result', number } : { kind: 'not-understood', why: 'a Result without a number' };
  }
  return { kind: 'plist', value: read.value };
}

export function readDeviceList(reply: Reply): DeviceListReply {
  switch (reply.kind) {
    case 'not-understood':
      return reply;
    case 'result':
      return reply.number === 0
        ? { kind: 'not-understood', why: 'it answered OK without a device list' }
        : { kind: 'refused', number: reply.number };
    case 'plist': {
      const list = dictOf(reply.value)?.['DeviceList'];
      if (!Array.isArray(list)) return { kind: 'not-understood', why: 'the answer has no DeviceList' };
      const devices: UsbmuxDevice[] = [];
      let unreadable = 0;
      for (const entry of list) {
        const device = devices.length < MAX_DEVICES ? deviceOf(entry) : undefined;
        if (device) devices.push(device);
        else unreadable += 1;
      }
      return { kind: 'devices', devices, unreadable };
    }
  }
}

/** One DeviceList entry: `{ DeviceID, MessageType: "Attached", Properties: { ConnectionType, ProductID, SerialNumber... } }`. */
function deviceOf(entry: PlistValue): UsbmuxDevice | undefined {
  const properties = dictOf(dictOf(entry)?.['Properties']);
  const udid = properties?.['SerialNumber'];
  const connection = properties?.['ConnectionType'];
  if (typeof udid !== 'string' || udid.trim() === '') return undefined;
  if (connection !== 'USB' && connection !== 'Network') return undefined;
  const productId = properties?.['ProductID'];
  return {
    udid: udid.trim(),
    productId: typeof productId === 'number' && Number.isInteger(productId) ? productId : undefined,
    connection: connection === 'USB' ? 'usb' : 'network',
  };
}

export function readPairRecord(reply: Reply): PairRecordReply {
  switch (reply.kind) {
    case 'not-understood':
      return reply;
    case 'result':
      return reply.number === 0
        ? { kind: 'not-understood', why: 'it answered OK without the record' }
        : { kind: 'absent', number: reply.number };
    case 'plist': {
      const data = dictOf(reply.value)?.['PairRecordData'];
      if (!(data instanceof Uint8Array)) return { kind: 'not-understood', why: 'the answer has no PairRecordData' };
      const present = data.length > 0;
      // The record holds this computer's private keys for the device: only its presence is kept.
      data.fill(0);
      return present ? { kind: 'present' } : { kind: 'absent', number: 0 };
    }
  }
}
