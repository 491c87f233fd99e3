import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandOutcome, RunCommand } from '../../platform/exec';
import { fixture } from '../fixtures/load';
import { busScanner } from './bus-scan';
import { parseIoregUsb } from './ioreg';
import type { DeviceListing } from './listing';
import { parsePnpJson } from './pnp';
import { scanSysfs, SYSFS_USB_DEVICES } from './sysfs';
import { parseSystemProfilerUsb } from './system-profiler';
import { judgeUsbBus, judgeUsbDriver } from './usb-judge';

const ran = (stdout: string, exitCode = 0): CommandOutcome => ({ kind: 'ran', stdout, stderr: '', exitCode });
/** The one Windows script's answer (windows-powershell.ts) with these Plug and Play entries as its `pnp` part. */
const scriptWithPnp = (pnpJson: string) => `{"profiles":[],"appx":[],"pnp":${pnpJson}}`;
const signal = () => AbortSignal.timeout(10_000);
const SERIAL = '00008030001A2D2E3E88802E';

const empty: DeviceListing = { kind: 'listed', devices: [], unreadable: 0 };
const unreachable: DeviceListing = { kind: 'unreachable', code: 'ENOENT' };
const onUsb: DeviceListing = { kind: 'listed', devices: [{ udid: SERIAL, productId: 0x12a8, connection: 'usb' }], unreadable: 0 };
const onWifi: DeviceListing = { kind: 'listed', devices: [{ udid: SERIAL, productId: undefined, connection: 'network' }], unreadable: 0 };

describe('macOS: ioreg -p IOUSB -l -w0 (documented tree format)', () => {
  it('reads the ids of every device, the iPhone among them, and nothing else', () => {
    expect(parseIoregUsb(fixture('mac', 'ioreg-iousb-iphone-intel.txt'))).toEqual([
      { vendorId: 0x05ac, productId: 0x8202 },
      { vendorId: 0x05ac, productId: 0x0262 },
      { vendorId: 0x0a5c, productId: 0x4500 },
      { vendorId: 0x05ac, productId: 0x12a8 },
    ]);
    expect(parseIoregUsb(fixture('mac', 'ioreg-iousb-apple-silicon-nothing.txt'))).toEqual([
      { vendorId: 0x2109, productId: 0x0817 },
      { vendorId: 0x05ac, productId: 0x029a },
    ]);
    expect(parseIoregUsb(fixture('mac', 'ioreg-iousb-iphone-recovery.txt'))).toEqual([{ vendorId: 0x05ac, productId: 0x1281 }]);
  });

  it('tells "not on the bus" (cable, port) from "on the bus but not listed" (locked, Trust)', () => {
    const nothing = {
      kind: 'scanned' as const,
      devices: parseIoregUsb(fixture('mac', 'ioreg-iousb-apple-silicon-nothing.txt'))!,
      source: 'ioreg',
    };
    // An Apple keyboard is an Apple device, not an iPhone: it does not count.
    expect(judgeUsbBus('mac', empty, nothing)).toMatchObject({
      status: 'warn',
      reason: 'device-not-on-usb',
      detail: expect.stringContaining('another cable'),
      facts: { appleMobileOnBus: 0, usbDevices: 2 },
    });
    const iphone = { kind: 'scanned' as const, devices: parseIoregUsb(fixture('mac', 'ioreg-iousb-iphone-intel.txt'))!, source: 'ioreg' };
    const locked = judgeUsbBus('mac', empty, iphone);
    expect(locked).toMatchObject({ status: 'warn', reason: 'device-none', facts: { appleMobileOnBus: 1, productIds: '0x12A8' } });
    expect(locked.detail).toMatch(/An iPhone is on the USB bus, so the cable and port work, but usbmuxd does not list it/);
    expect(judgeUsbBus('mac', onUsb, iphone)).toMatchObject({ status: 'ok', reason: 'ok' });
    // The device service missing is the other row's finding; the cable is fine.
    expect(judgeUsbBus('mac', unreachable, iphone)).toMatchObject({
      status: 'ok',
      detail: expect.stringContaining('the cable and port work'),
    });
    const recovery = {
      kind: 'scanned' as const,
      devices: parseIoregUsb(fixture('mac', 'ioreg-iousb-iphone-recovery.txt'))!,
      source: 'ioreg',
    };
    expect(judgeUsbBus('mac', empty, recovery)).toMatchObject({ status: 'ok', detail: expect.stringContaining('recovery or DFU mode') });
    expect(judgeUsbBus('mac', onWifi, nothing)).toMatchObject({ status: 'ok', detail: expect.stringContaining('over the network') });
  });

  it('keeps no serial number from the listing', () => {
    for (const name of ['ioreg-iousb-iphone-intel.txt', 'ioreg-iousb-iphone-recovery.txt']) {
      const devices = parseIoregUsb(fixture('mac', name))!;
      const outcome = judgeUsbBus('mac', empty, { kind: 'scanned', devices, source: 'ioreg' });
      expect(JSON.stringify([devices, outcome])).not.toMatch(/8802E|SRNM|ECID/);
    }
  });

  it('is not fooled by other text, and never throws on any', () => {
    expect(parseIoregUsb('')).toBeUndefined();
    expect(parseIoregUsb('ioreg: command not found')).toBeUndefined();
    expect(parseIoregUsb('+-o Root  <class IORegistryEntry>\n')).toEqual([]);
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => void parseIoregUsb(text)));
  });
});

describe('macOS: system_profiler SPUSBDataType -json, when ioreg cannot answer', () => {
  it('walks hubs, and reads "apple_vendor_id" as Apple', () => {
    expect(parseSystemProfilerUsb(fixture('mac', 'system-profiler-usb-iphone.json'))).toEqual([
      { vendorId: 0x2109, productId: 0x2817 },
      { vendorId: 0x05ac, productId: 0x12a8 },
      { vendorId: 0x05ac, productId: 0x029a },
    ]);
    expect(parseSystemProfilerUsb('{"SPUSBDataType": []}')).toEqual([]);
    expect(parseSystemProfilerUsb('{"SPUSBHostDataType": []}')).toBeUndefined();
    expect(parseSystemProfilerUsb('not json')).toBeUndefined();
  });

  it('is the fallback the scanner uses when ioreg fails, named as the source', async () => {
    const calls: string[] = [];
    const run: RunCommand = (file) => {
      calls.push(file);
      return Promise.resolve(file.endsWith('ioreg') ? ran('', 1) : ran(fixture('mac', 'system-profiler-usb-iphone.json')));
    };
    const scan = await busScanner('mac', run)!(signal());
    expect(calls).toEqual(['/usr/sbin/ioreg', '/usr/sbin/system_profiler']);
    expect(scan).toMatchObject({ kind: 'scanned', source: 'system_profiler SPUSBDataType' });
    const neither: RunCommand = () => Promise.resolve(ran('odd'));
    expect(await busScanner('mac', neither)!(signal())).toMatchObject({ kind: 'not-understood' });
    const missing: RunCommand = (file) => Promise.resolve({ kind: 'cannot-run', why: `${file} is not installed` });
    expect(judgeUsbBus('mac', empty, await busScanner('mac', missing)!(signal()))).toMatchObject({
      status: 'skipped',
      reason: 'cannot-run',
    });
  });
});

describe('Linux: sysfs', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function sysfs(devices: Record<string, [string, string] | null>): Promise<string> {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sd-sysfs-'));
    dirs.push(root);
    for (const [name, ids] of Object.entries(devices)) {
      await mkdir(path.join(root, name));
      if (!ids) continue;
      await writeFile(path.join(root, name, 'idVendor'), `${ids[0]}\n`);
      await writeFile(path.join(root, name, 'idProduct'), `${ids[1]}\n`);
      await writeFile(path.join(root, name, 'serial'), `${SERIAL}\n`);
    }
    return root;
  }

  it('reads the ids of device folders and skips interface folders', async () => {
    const root = await sysfs({ usb1: ['1d6b', '0002'], '1-1': ['05ac', '12ab'], '1-1:1.0': null, '1-2': ['046d', 'c52b'] });
    const scan = await scanSysfs(signal(), root);
    expect(scan).toEqual({
      kind: 'scanned',
      source: root,
      devices: expect.arrayContaining([
        { vendorId: 0x1d6b, productId: 0x0002 },
        { vendorId: 0x05ac, productId: 0x12ab },
        { vendorId: 0x046d, productId: 0xc52b },
      ]),
    });
    expect(judgeUsbBus('linux', empty, scan)).toMatchObject({
      reason: 'device-none',
      detail: expect.stringContaining('An iPad is on the USB bus'),
    });
  });

  it('no Apple device: the cable or the port; no sysfs: cannot run', async () => {
    const scan = await scanSysfs(signal(), await sysfs({ usb1: ['1d6b', '0002'] }));
    expect(judgeUsbBus('linux', unreachable, scan)).toMatchObject({ status: 'warn', reason: 'device-not-on-usb' });
    expect(await scanSysfs(signal(), '/nonexistent/sysfs')).toMatchObject({ kind: 'cannot-run', why: expect.stringContaining('ENOENT') });
  });

  it("this machine's own sysfs is read for real", async () => {
    const scan = await scanSysfs(signal());
    expect(scan.kind).toBe(existsSync(SYSFS_USB_DEVICES) ? 'scanned' : 'cannot-run');
  });
});

describe('Windows: Plug and Play entries of Apple devices (Win32_PnPEntity as JSON)', () => {
  it('reads every entry of an iPhone: the composite device, its interfaces, the portable device', () => {
    const entries = parsePnpJson(fixture('windows', 'pnp-iphone-ok.json'))!;
    expect(entries.map((entry) => [entry.name, entry.usbInterface, entry.service, entry.errorCode])).toEqual([
      ['Apple Mobile Device USB Composite Device', null, 'usbccgp', 0],
      ['Apple Mobile Device USB Driver', 'MI_01', 'usbaapl64', 0],
      ['Apple iPhone', 'MI_00', 'WUDFWpdMtp', 0],
      ['Apple Mobile Device Ethernet', 'MI_02', 'netaapl64', 0],
      // Not a generic name of an iPhone's entries: described rather than quoted.
      ['Apple USB device (HIDClass entry)', null, 'HidUsb', 28],
    ]);
    expect(JSON.stringify(entries)).not.toContain('8802E');
  });

  it('working drivers: ok, and a broken Apple keyboard (Boot Camp) is not the iPhone driver', () => {
    const outcome = judgeUsbDriver(empty, ran(scriptWithPnp(fixture('windows', 'pnp-iphone-ok.json'))));
    expect(outcome).toMatchObject({
      status: 'ok',
      reason: 'ok',
      facts: { appleEntries: 4, problems: 0, drivers: 'usbccgp, usbaapl64, WUDFWpdMtp, netaapl64', productIds: '0x12A8' },
    });
    expect(outcome.detail).toContain('Windows sees the connected iPhone on USB and its drivers work (Apple Mobile Device USB Driver)');
  });

  it("a driver problem: a failure with the error in words and the reinstall steps; never the owner's device name", () => {
    const outcome = judgeUsbDriver(empty, ran(scriptWithPnp(fixture('windows', 'pnp-iphone-driver-missing.json'))));
    expect(outcome).toMatchObject({ status: 'fail', reason: 'device-driver-problem', facts: { problems: 2, errorCodes: '28, 10' } });
    expect(outcome.detail).toContain('Apple Mobile Device USB Device: its drivers are not installed (code 28)');
    expect(outcome.detail).toContain('iPhone (WPD entry): the device cannot start (code 10)');
    expect(outcome.detail).toContain('usbaapl64.inf');
    expect(outcome.detail).toContain('Update driver');
    expect(JSON.stringify(outcome)).not.toMatch(/Jane|8802E/);
    // The iPad is remembered but not connected (Present false, code 45): not counted.
    expect(outcome.facts?.['productIds']).toBe('0x12A8');
  });

  it('Get-PnpDevice output (one object, FriendlyName and InstanceId): a disabled device is told to be enabled first', () => {
    const outcome = judgeUsbDriver(empty, ran(scriptWithPnp(fixture('windows', 'pnp-get-pnpdevice-one.json'))));
    expect(outcome).toMatchObject({ status: 'fail', reason: 'device-driver-problem' });
    expect(outcome.detail).toContain('the device is disabled (code 22)');
    expect(outcome.detail).toContain('Enable it in Device Manager');
  });

  it('no Apple device at all: the cable or the port, unless the device service sees one anyway', () => {
    expect(judgeUsbDriver(empty, ran(scriptWithPnp(fixture('windows', 'pnp-none.json'))))).toMatchObject({ status: 'warn', reason: 'device-not-on-usb' });
    expect(judgeUsbDriver(empty, ran(scriptWithPnp('null')))).toMatchObject({ reason: 'device-not-on-usb' });
    expect(judgeUsbDriver(onWifi, ran(scriptWithPnp('[]')))).toMatchObject({ status: 'ok' });
  });

  it('PowerShell that fails or prints something else is said plainly', () => {
    expect(judgeUsbDriver(empty, ran('Get-CimInstance : Access denied', 1))).toMatchObject({
      status: 'warn',
      reason: 'output-not-understood',
    });
    expect(judgeUsbDriver(empty, ran('{not json'))).toMatchObject({ reason: 'output-not-understood' });
    // The script ran, but its Plug and Play part failed (the firewall's and the Store's parts may still have answered).
    expect(judgeUsbDriver(empty, ran('{"profiles":[],"pnpError":"Access denied"}'))).toMatchObject({ reason: 'output-not-understood' });
    expect(judgeUsbDriver(empty, ran(''))).toMatchObject({ reason: 'output-not-understood' });
    expect(judgeUsbDriver(empty, { kind: 'timeout' })).toMatchObject({ reason: 'timed-out' });
    expect(judgeUsbDriver(empty, { kind: 'cannot-run', why: 'powershell.exe is not installed' })).toMatchObject({ reason: 'cannot-run' });
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => void judgeUsbDriver(empty, ran(text))));
  });
});
