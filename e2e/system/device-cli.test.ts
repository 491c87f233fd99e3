import { afterEach, describe, expect, it } from 'vitest';
import { parseReport, runCli, system } from '../cli/run-cli';
import { startStandInUsbmuxd, type StandInDevice, type StandInUsbmuxd } from '../../main/system/device/stand-in-usbmuxd';

// The built command line against a stand-in usbmuxd, pointed at with USBMUXD_SOCKET_ADDRESS as a
// user (or libimobiledevice's tools) would. No network is involved.

const IPHONE: StandInDevice = { udid: '00008030-001A2D2E3E88802E', connection: 'USB', productId: 0x12a8, paired: true };
const IPAD: StandInDevice = { udid: 'f1e2d3c4b5a697887766554433221100ffee9c1d', connection: 'Network', productId: 0x12ab, paired: false };

let standIn: StandInUsbmuxd | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

function check(address: string, extra: readonly string[] = ['--json'], timeoutMs = 3000) {
  return runCli(['check', '--only', 'device', '--timeout-ms', String(timeoutMs), ...extra], { USBMUXD_SOCKET_ADDRESS: address });
}

describe('sync-doctor check --only device', () => {
  it('lists both devices in one row, with their trust, and never prints a serial number whole', async () => {
    standIn = await startStandInUsbmuxd({ transport: 'unix', devices: [IPHONE, IPAD] });
    const run = await check(standIn.address);
    const report = parseReport(run);
    expect(report.checks.every((c) => c.kind === 'device' && c.group === 'system')).toBe(true);
    expect(report.checks.map((c) => c.id)).toEqual([
      'device:usbmux',
      process.platform === 'win32' ? 'device:usb-driver' : 'device:usb-bus',
    ]);
    expect(system(report, 'device:usbmux')).toMatchObject({
      status: 'warn',
      reason: 'device-not-trusted',
      facts: { devices: 2, kinds: 'iPhone, iPad', connections: 'USB, Network', serialsLast4: '802E, 9c1d', trust: 'trusted, not trusted' },
    });
    // A warning is not a failure: exit 0.
    expect(run.code).toBe(0);
    for (const device of [IPHONE, IPAD]) {
      expect(run.stdout).not.toContain(device.udid);
      expect(run.stdout).not.toContain(device.udid.replace('-', ''));
      expect(run.stderr).not.toContain(device.udid);
    }
    expect(standIn.requests.map((r) => r.messageType)).toEqual(['ListDevices', 'ReadPairRecord', 'ReadPairRecord']);
  });

  it('the table says the same, also without the serials', async () => {
    standIn = await startStandInUsbmuxd({ transport: 'tcp', devices: [IPHONE] });
    const run = await check(standIn.address, []);
    expect(run.stdout).toContain('iPhone, iPad and iPod');
    expect(run.stdout).toContain('an iPhone (USB, serial ending 802E)');
    expect(run.stdout).not.toContain(IPHONE.udid);
    expect(run.code).toBe(0);
  });

  it('nothing listening where it points: a failure, exit 1', async () => {
    const run = await check('127.0.0.1:9');
    expect(run.code).toBe(1);
    expect(system(parseReport(run), 'device:usbmux')).toMatchObject({ status: 'fail', reason: 'device-service-unreachable' });
  });

  it('a daemon that sends part of a frame and falls silent is reported within the deadline, not waited for', async () => {
    standIn = await startStandInUsbmuxd({ transport: 'unix', mode: 'partial-then-silence', devices: [IPHONE] });
    // The run's deadline (1 s) comes before the check's own reply deadline (3 s): it still answers for itself.
    const run = await check(standIn.address, ['--json'], 1000);
    expect(system(parseReport(run), 'device:usbmux')).toMatchObject({ status: 'warn', reason: 'output-not-understood' });
    expect(run.stdout).not.toContain(IPHONE.udid);
  });

  it('an address it cannot use is a usage problem said in the report, not a crash', async () => {
    const run = await check('not an address');
    expect(system(parseReport(run), 'device:usbmux')).toMatchObject({ status: 'skipped', reason: 'cannot-run' });
  });
});
