import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { SystemCheck } from '../../../app/contract/check';
import { runChecks } from '../../scheduler/run';
import { usbmuxEndpoint } from './endpoint';
import { exchange } from './exchange';
import { listDevicesRequest } from './messages';
import { startStandInUsbmuxd, type StandInDevice, type StandInOptions, type StandInUsbmuxd } from './stand-in-usbmuxd';
import { deviceTasks } from './tasks';
import { judgeUsbmux } from './usbmux-judge';

const IPHONE: StandInDevice = { udid: '00008030-001A2D2E3E88802E', connection: 'USB', productId: 0x12a8, paired: true };
const IPAD: StandInDevice = { udid: 'f1e2d3c4b5a697887766554433221100ffeeddcc', connection: 'USB', productId: 0x12ab, paired: true };
const WIFI_IPHONE: StandInDevice = { udid: '00008101-000A1B2C3D4E5F60', connection: 'Network', paired: true };

/** Short, so the misbehaving daemons are given up on quickly; the run's deadline is well beyond it. */
const REPLY_DEADLINE_MS = 300;
const RUN_DEADLINE_MS = 3000;

const daemons: StandInUsbmuxd[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(daemons.splice(0).map((daemon) => daemon.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function daemon(options: StandInOptions): Promise<StandInUsbmuxd> {
  const started = await startStandInUsbmuxd(options);
  daemons.push(started);
  return started;
}

async function emptyDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-lockdown-'));
  dirs.push(dir);
  return dir;
}

/** The usbmux row, run by the real runner with a deadline, as the CLI runs it. */
async function usbmuxRow(address: string, lockdownDir?: string): Promise<SystemCheck> {
  const [task] = deviceTasks('mac', {
    env: { USBMUXD_SOCKET_ADDRESS: address },
    replyDeadlineMs: REPLY_DEADLINE_MS,
    lockdownDir: lockdownDir ?? (await emptyDir()),
  });
  const report = await runChecks(
    [task!],
    { timeoutMs: RUN_DEADLINE_MS, concurrency: 1, catalog: { version: 't', updated: 't', source: 't' } },
    () => undefined,
  );
  const row = report.checks[0]!;
  if (row.group !== 'system') throw new Error('not a system row');
  return row;
}

/** A TCP port nothing listens on: listened on once, then closed. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(['unix', 'tcp'] as const)('the device check against a stand-in usbmuxd (%s)', (transport) => {
  it('one device: an iPhone on USB that trusts this computer', async () => {
    const standIn = await daemon({ transport, devices: [IPHONE] });
    const row = await usbmuxRow(standIn.address);
    expect(row).toMatchObject({
      id: 'device:usbmux',
      kind: 'device',
      status: 'ok',
      reason: 'ok',
      facts: {
        devices: 1,
        kinds: 'iPhone',
        connections: 'USB',
        serialsLast4: '802E',
        trust: 'trusted',
        notTrusted: 0,
        trustSource: 'usbmuxd',
      },
    });
    expect(row.detail).toContain('an iPhone (USB, serial ending 802E)');
    expect(row.detail).toContain('It trusts this computer.');
    expect(JSON.stringify(row)).not.toContain(IPHONE.udid);
    // Asked as libusbmuxd asks: plist protocol, ListDevices with tag 1, then the record with the next tag.
    expect(standIn.requests).toEqual([
      { messageType: 'ListDevices', tag: 1, version: 1, progName: 'sync-doctor' },
      { messageType: 'ReadPairRecord', tag: 2, version: 1, progName: 'sync-doctor', pairRecordId: IPHONE.udid },
    ]);
  });

  it('no device: a warning with what to do', async () => {
    const standIn = await daemon({ transport, devices: [] });
    const row = await usbmuxRow(standIn.address);
    expect(row).toMatchObject({ status: 'warn', reason: 'device-none', facts: { devices: 0 } });
    expect(row.detail).toMatch(/answers but sees no iPhone, iPad or iPod/);
    expect(row.detail).toMatch(/tap Trust/);
    expect(row.detail).toMatch(/another cable/);
    expect(row.detail).toMatch(/not a hub/);
  });

  it('two devices, one on USB and one over the network, in one row', async () => {
    const standIn = await daemon({ transport, devices: [IPAD, WIFI_IPHONE] });
    const row = await usbmuxRow(standIn.address);
    expect(row).toMatchObject({
      status: 'ok',
      facts: {
        devices: 2,
        kinds: 'iPad, Apple mobile device',
        connections: 'USB, Network',
        serialsLast4: 'ddcc, 5F60',
        trust: 'trusted, trusted',
      },
    });
    expect(row.detail).toContain(
      'sees 2 devices: an iPad (USB, serial ending ddcc); an Apple mobile device (over the network, serial ending 5F60)',
    );
    for (const device of [IPAD, WIFI_IPHONE]) expect(JSON.stringify(row)).not.toContain(device.udid);
  });

  it('a device without a pairing record: "does not trust this computer yet", error 0xE8000015', async () => {
    const standIn = await daemon({ transport, devices: [{ ...IPHONE, paired: false }, IPAD] });
    const row = await usbmuxRow(standIn.address);
    expect(row).toMatchObject({
      status: 'warn',
      reason: 'device-not-trusted',
      facts: { devices: 2, trust: 'not trusted, trusted', notTrusted: 1 },
    });
    expect(row.detail).toContain('This iPhone does not trust this computer yet: unlock it and tap Trust');
    expect(row.detail).toContain('0xE8000015');
  });

  it('nothing listening: a failure naming the service', async () => {
    const address = transport === 'unix' ? `UNIX:${path.join(await emptyDir(), 'usbmuxd')}` : `127.0.0.1:${await closedPort()}`;
    const row = await usbmuxRow(address);
    expect(row).toMatchObject({ status: 'fail', reason: 'device-service-unreachable', facts: { overridden: true } });
    expect(row.facts?.['code']).toBe(transport === 'unix' ? 'ENOENT' : 'ECONNREFUSED');
    expect(row.detail).toMatch(/^Nothing answers on /);
  });

  it.each([
    ['garbage', /its answer is not the usbmux protocol: the reply starts with a frame that declares \d+ bytes/],
    ['wrong-tag', /its answer is not the usbmux protocol: it answered another request \(tag 8, not 1\)/],
    ['partial-then-close', /its answer is not the usbmux protocol: it sent 56 bytes of a reply and closed the connection/],
    ['partial-then-silence', /sent part of an answer \(56 bytes\) and then nothing until the deadline/],
    ['refuse', /refused to list devices \(result 6, bad version\)/],
  ] as const)('%s: not understood, said plainly, within the deadline', async (mode, detail) => {
    const standIn = await daemon({ transport, mode, devices: [IPHONE] });
    const row = await usbmuxRow(standIn.address);
    // The check's own verdict, not the runner stepping in at the deadline.
    expect(row).toMatchObject({ status: 'warn', reason: 'output-not-understood' });
    expect(row.detail).toMatch(detail);
    expect(JSON.stringify(row)).not.toContain(IPHONE.udid);
  });

  it('a daemon that never answers: timed out by the check itself, within the deadline', async () => {
    const standIn = await daemon({ transport, mode: 'silent' });
    const row = await usbmuxRow(standIn.address);
    expect(row).toMatchObject({ status: 'warn', reason: 'timed-out' });
    expect(row.detail).toMatch(/accepted the connection on .* but did not answer in time/);
  });
});

describe('trust when the daemon does not answer ReadPairRecord', () => {
  it('asks for a 24-character UDID also with the dash libimobiledevice files it under', async () => {
    const undashed = { ...IPHONE, udid: '00008030001A2D2E3E88802E', paired: false };
    const standIn = await daemon({ transport: 'unix', devices: [undashed] });
    const row = await usbmuxRow(standIn.address);
    expect(standIn.requests.filter((r) => r.messageType === 'ReadPairRecord').map((r) => r.pairRecordId)).toEqual([
      '00008030001A2D2E3E88802E',
      '00008030-001A2D2E3E88802E',
    ]);
    expect(row).toMatchObject({ reason: 'device-not-trusted', facts: { serialsLast4: '802E' } });
  });

  it('falls back to the lockdown folder: a record there is trust, none is not', async () => {
    const standIn = await daemon({ transport: 'unix', devices: [IPHONE, IPAD], pairRecords: 'silent' });
    const lockdown = await emptyDir();
    await writeFile(path.join(lockdown, `${IPHONE.udid}.plist`), '<plist/>');
    const row = await usbmuxRow(standIn.address, lockdown);
    expect(row).toMatchObject({
      status: 'warn',
      reason: 'device-not-trusted',
      facts: { trust: 'trusted, not trusted', trustSource: 'lockdown folder' },
    });
    expect(row.detail).toContain('This iPad does not trust this computer yet');
  });

  it('a folder it cannot read leaves trust unknown, and says so', async () => {
    const standIn = await daemon({ transport: 'tcp', devices: [IPHONE], pairRecords: 'silent' });
    // A file where the folder should be: every lookup inside it fails (ENOTDIR), even for root.
    const notAFolder = path.join(await emptyDir(), 'lockdown');
    await writeFile(notAFolder, '');
    const row = await usbmuxRow(standIn.address, notAFolder);
    expect(row).toMatchObject({ status: 'ok', reason: 'ok', facts: { trust: 'unknown', trustSource: null } });
    expect(row.detail).toContain('Whether it trusts this computer could not be read.');
  });
});

describe('USBMUXD_SOCKET_ADDRESS', () => {
  it("takes libusbmuxd's forms, and this OS's endpoint without it", () => {
    expect(usbmuxEndpoint('windows', {})).toEqual({
      kind: 'endpoint',
      endpoint: { kind: 'tcp', host: '127.0.0.1', port: 27015 },
      overridden: false,
    });
    expect(usbmuxEndpoint('mac', {})).toMatchObject({ endpoint: { kind: 'unix', path: '/var/run/usbmuxd' } });
    expect(usbmuxEndpoint('linux', { USBMUXD_SOCKET_ADDRESS: '  ' })).toMatchObject({ overridden: false });
    expect(usbmuxEndpoint('mac', { USBMUXD_SOCKET_ADDRESS: 'UNIX:/tmp/mux' })).toMatchObject({
      endpoint: { kind: 'unix', path: '/tmp/mux' },
      overridden: true,
    });
    expect(usbmuxEndpoint('mac', { USBMUXD_SOCKET_ADDRESS: '/tmp/mux' })).toMatchObject({ endpoint: { kind: 'unix', path: '/tmp/mux' } });
    expect(usbmuxEndpoint('linux', { USBMUXD_SOCKET_ADDRESS: '192.168.1.5:27015' })).toMatchObject({
      endpoint: { kind: 'tcp', host: '192.168.1.5', port: 27015 },
    });
    expect(usbmuxEndpoint('linux', { USBMUXD_SOCKET_ADDRESS: '[::1]:5000' })).toMatchObject({
      endpoint: { kind: 'tcp', host: '::1', port: 5000 },
    });
    expect(usbmuxEndpoint('linux', { USBMUXD_SOCKET_ADDRESS: 'localhost:0' })).toMatchObject({
      kind: 'invalid',
      why: '0 is not a TCP port',
    });
    expect(usbmuxEndpoint('linux', { USBMUXD_SOCKET_ADDRESS: 'UNIX:' })).toMatchObject({ kind: 'invalid' });
  });

  it('a value it cannot use makes the check say so, not guess', () => {
    const choice = usbmuxEndpoint('mac', { USBMUXD_SOCKET_ADDRESS: 'usbmuxd-please' });
    const outcome = judgeUsbmux({ os: 'mac', choice }, { kind: 'bad-endpoint', value: 'usbmuxd-please', why: 'x' });
    expect(outcome).toMatchObject({ status: 'skipped', reason: 'cannot-run' });
    expect(outcome.detail).toContain(
      'USBMUXD_SOCKET_ADDRESS="usbmuxd-please" cannot be used (it is neither UNIX:/path/to/socket nor HOST:PORT)',
    );
  });
});

describe('what each OS is told when nothing listens', () => {
  const unreachable = { kind: 'unreachable', code: 'ECONNREFUSED' } as const;
  it('names the service to start', () => {
    expect(judgeUsbmux({ os: 'windows', choice: usbmuxEndpoint('windows', {}) }, unreachable).detail).toMatch(
      /127\.0\.0\.1:27015.*start "Apple Mobile Device Service" in Services.*Apple Devices app.*quit the app and open it again/,
    );
    expect(judgeUsbmux({ os: 'mac', choice: usbmuxEndpoint('mac', {}) }, unreachable).detail).toMatch(
      /usbmuxd.*is not running.*sudo killall usbmuxd/,
    );
  });

  it('on Linux, usbmuxd not running with no Apple device plugged in is expected: a warning, not a failure', () => {
    const choice = usbmuxEndpoint('linux', {});
    expect(judgeUsbmux({ os: 'linux', choice, appleDeviceOnBus: false }, unreachable)).toMatchObject({
      status: 'warn',
      reason: 'device-service-unreachable',
      detail: expect.stringContaining('It starts when an iPhone, iPad or iPod is plugged in'),
    });
    expect(judgeUsbmux({ os: 'linux', choice, appleDeviceOnBus: true }, unreachable)).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('although an Apple device is on the USB bus'),
    });
  });

  it('on Linux, with neither the service nor the USB bus to ask, says it cannot tell instead of failing', () => {
    const choice = usbmuxEndpoint('linux', {});
    expect(judgeUsbmux({ os: 'linux', choice, appleDeviceOnBus: undefined }, unreachable)).toMatchObject({
      status: 'skipped',
      reason: 'cannot-run',
      detail: expect.stringContaining('cannot be told here'),
    });
  });
});

describe('privacy', () => {
  it('no serial number ever appears whole, whatever it looks like', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            udid: fc.stringMatching(/^[0-9A-Za-z-]{5,40}$/),
            productId: fc.option(fc.integer({ min: 0x1200, max: 0x12af }), { nil: undefined }),
            connection: fc.constantFrom('usb' as const, 'network' as const),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.constantFrom('trusted' as const, 'not-trusted' as const, 'unknown' as const),
        (devices, trust) => {
          const outcome = judgeUsbmux(
            { os: 'mac', choice: usbmuxEndpoint('mac', {}) },
            { kind: 'listed', devices, unreadable: 0 },
            devices.map(() => ({ trust, source: 'usbmuxd' as const })),
          );
          const text = JSON.stringify(outcome);
          for (const device of devices) expect(text).not.toContain(device.udid);
        },
      ),
    );
  });
});

describe('the exchange with any peer', () => {
  it('random bytes, then a close or silence, never throw and never hang', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.boolean(), async (bytes, close) => {
        const server = net.createServer((socket) => {
          socket.on('error', () => undefined);
          socket.once('data', () => {
            socket.write(bytes);
            if (close) socket.end();
          });
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const { port } = server.address() as net.AddressInfo;
        try {
          const hung = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 5000).unref());
          const outcome = await Promise.race([
            exchange({ kind: 'tcp', host: '127.0.0.1', port }, listDevicesRequest(1), {
              signal: new AbortController().signal,
              deadlineMs: 150,
            }),
            hung,
          ]);
          expect(outcome).not.toBe('hung');
          if (outcome === 'hung') return;
          expect(['reply', 'closed', 'invalid', 'timeout']).toContain(outcome.kind);
          if (!close && outcome.kind !== 'reply' && outcome.kind !== 'invalid') expect(outcome.kind).toBe('timeout');
        } finally {
          server.close();
        }
      }),
      { numRuns: 30 },
    );
  });

  it('an address Node refuses outright is "unreachable", not a throw', async () => {
    expect(
      await exchange({ kind: 'tcp', host: '127.0.0.1', port: 70_000 }, listDevicesRequest(1), {
        signal: new AbortController().signal,
        deadlineMs: 500,
      }),
    ).toEqual({
      kind: 'unreachable',
      code: 'ERR_SOCKET_BAD_PORT',
    });
  });

  it('stops at once when cancelled, and tells a cancel from a deadline', async () => {
    const standIn = await daemon({ transport: 'tcp', mode: 'silent' });
    const choice = usbmuxEndpoint('mac', { USBMUXD_SOCKET_ADDRESS: standIn.address });
    if (choice.kind !== 'endpoint') throw new Error('bad address');
    const user = new AbortController();
    const pending = exchange(choice.endpoint, listDevicesRequest(1), { signal: user.signal, deadlineMs: 60_000 });
    setTimeout(() => user.abort(), 50);
    expect(await pending).toEqual({ kind: 'cancelled' });
    expect(await exchange(choice.endpoint, listDevicesRequest(1), { signal: user.signal, deadlineMs: 60_000 })).toEqual({
      kind: 'cancelled',
    });
    expect(await exchange(choice.endpoint, listDevicesRequest(1), { signal: new AbortController().signal, deadlineMs: 50 })).toEqual({
      kind: 'timeout',
      connected: true,
      received: 0,
    });
  });
});
