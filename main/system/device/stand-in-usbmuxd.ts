// A stand-in usbmux daemon for tests: a real unix socket or TCP listener on loopback that answers
// as usbmuxd does (libimobiledevice's client.c), or misbehaves on purpose. It reads and writes the
// protocol with its own few lines rather than the check's code, so a bug there cannot hide here.

import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build, parse, type PlistValue } from 'plist';

export interface StandInDevice {
  udid: string;
  connection: 'USB' | 'Network';
  /** Absent for network devices, as Apple's usbmuxd lists them. */
  productId?: number;
  /** Whether this computer "holds a pairing record" for it. */
  paired: boolean;
}

/** How the stand-in answers ListDevices. */
export type StandInMode =
  | 'devices'
  /** An HTTP server's answer, not usbmux. */
  | 'garbage'
  /** A header announcing a whole plist, 40 bytes of it, then silence. */
  | 'partial-then-silence'
  /** The same, then the connection closed. */
  | 'partial-then-close'
  /** A well-formed device list for another request's tag. */
  | 'wrong-tag'
  /** Accepts the connection and never answers. */
  | 'silent'
  /** A usbmux Result with "bad version" instead of a list. */
  | 'refuse';

export interface StandInOptions {
  transport: 'unix' | 'tcp';
  mode?: StandInMode;
  devices?: StandInDevice[];
  /** How ReadPairRecord is answered when `mode` is "devices": as usbmuxd does, or with silence. */
  pairRecords?: 'answer' | 'silent';
}

export interface ReceivedRequest {
  messageType: string;
  tag: number;
  version: number;
  pairRecordId?: string;
  progName?: string;
}

export interface StandInUsbmuxd {
  /** The USBMUXD_SOCKET_ADDRESS value that points at it. */
  address: string;
  /** Every request it has read, in order. */
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

const HEADER = 16;

function frame(tag: number, value: PlistValue, version = 1, type = 8): Buffer {
  const body = Buffer.from(build(value), 'utf8');
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(HEADER + body.length, 0);
  header.writeUInt32LE(version, 4);
  header.writeUInt32LE(type, 8);
  header.writeUInt32LE(tag, 12);
  return Buffer.concat([header, body]);
}

function deviceList(devices: readonly StandInDevice[]): PlistValue {
  return {
    DeviceList: devices.map((device, index) => {
      const id = index + 1;
      const properties: Record<string, PlistValue> =
        device.connection === 'USB'
          ? {
              ConnectionSpeed: 480000000,
              ConnectionType: 'USB',
              DeviceID: id,
              LocationID: 0x14100000 + id,
              ProductID: device.productId ?? 0x12a8,
              SerialNumber: device.udid,
              USBSerialNumber: device.udid.replace('-', ''),
            }
          : {
              ConnectionType: 'Network',
              DeviceID: id,
              EscapedFullServiceName: `${device.udid.slice(-6)}@fe80::1._apple-mobdev2._tcp.local.`,
              InterfaceIndex: 4,
              NetworkAddress: new Uint8Array([0x10, 0x02, 0, 0, 192, 168, 1, 20, 0, 0, 0, 0, 0, 0, 0, 0]),
              SerialNumber: device.udid,
              ...(device.productId !== undefined ? { ProductID: device.productId } : {}),
            };
      return { DeviceID: id, MessageType: 'Attached', Properties: properties };
    }),
  };
}

function answer(options: StandInOptions, request: ReceivedRequest, socket: net.Socket): void {
  const devices = options.devices ?? [];
  if (request.messageType === 'ListDevices') {
    switch (options.mode ?? 'devices') {
      case 'devices':
        socket.write(frame(request.tag, deviceList(devices)));
        return;
      case 'garbage':
        socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nContent-Length: 11\r\n\r\nBad Request');
        return;
      case 'partial-then-silence':
      case 'partial-then-close': {
        const whole = frame(request.tag, deviceList(devices));
        socket.write(whole.subarray(0, HEADER + 40));
        if (options.mode === 'partial-then-close') socket.end();
        return;
      }
      case 'wrong-tag':
        socket.write(frame(request.tag + 7, deviceList(devices)));
        return;
      case 'silent':
        return;
      case 'refuse':
        socket.write(frame(request.tag, { MessageType: 'Result', Number: 6 }));
        return;
    }
  }
  if (request.messageType === 'ReadPairRecord') {
    if (options.pairRecords === 'silent') return;
    const device = devices.find((d) => d.udid === request.pairRecordId);
    // usbmuxd answers a missing record with a Result carrying ENOENT (2).
    socket.write(
      device?.paired
        ? frame(request.tag, { PairRecordData: Buffer.from(build({ HostID: 'stand-in', SystemBUID: 'stand-in' }), 'utf8') })
        : frame(request.tag, { MessageType: 'Result', Number: 2 }),
    );
    return;
  }
  socket.write(frame(request.tag, { MessageType: 'Result', Number: 1 }));
}

export async function startStandInUsbmuxd(options: StandInOptions): Promise<StandInUsbmuxd> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= HEADER && pending.length >= pending.readUInt32LE(0)) {
        const length = pending.readUInt32LE(0);
        if (length < HEADER) {
          socket.destroy();
          return;
        }
        const body = pending.subarray(HEADER, length).toString('utf8');
        const tag = pending.readUInt32LE(12);
        const version = pending.readUInt32LE(4);
        pending = pending.subarray(length);
        const dict = parse(body) as Record<string, PlistValue>;
        const request: ReceivedRequest = {
          messageType: String(dict['MessageType']),
          tag,
          version,
          ...(typeof dict['PairRecordID'] === 'string' ? { pairRecordId: dict['PairRecordID'] } : {}),
          ...(typeof dict['ProgName'] === 'string' ? { progName: dict['ProgName'] } : {}),
        };
        requests.push(request);
        answer(options, request, socket);
      }
    });
  });
  let dir: string | undefined;
  let address: string;
  if (options.transport === 'unix') {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-usbmux-'));
    const socketPath = path.join(dir, 'usbmuxd');
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    address = `UNIX:${socketPath}`;
  } else {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    address = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  }
  return {
    address,
    requests,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
