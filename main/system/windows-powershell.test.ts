import { systemCommand } from '../platform/system-command';
import { describe, expect, it } from 'vitest';
import type { CommandOutcome, RunCommand } from '../platform/exec';
import { firewallTasks } from './firewall/tasks';
import { fixture } from './fixtures/load';
import { serviceTasks } from './services/tasks';
import { deviceTasks } from './device/tasks';
import { sharedWindowsPowerShell, WINDOWS_SCRIPT, windowsScript } from './windows-powershell';

const signal = () => AbortSignal.timeout(10_000);

/** A stand-in for the computer's commands: PowerShell answers with the given output; the calls are recorded. */
function recordingRun(output: string) {
  const calls: { file: string; script: string }[] = [];
  const run: RunCommand = (file, args) => {
    const encoded = args[args.indexOf('-EncodedCommand') + 1] ?? '';
    calls.push({ file, script: Buffer.from(encoded, 'base64').toString('utf16le') });
    const outcome: CommandOutcome = { kind: 'ran', stdout: output, stderr: '', exitCode: 0 };
    return Promise.resolve(outcome);
  };
  return { run, calls };
}

describe('the one PowerShell run on Windows', () => {
  it('asks for the firewall, Security Center, the Store packages and the Apple USB entries in one script', () => {
    for (const part of ['HNetCfg.FwPolicy2', 'AntiVirusProduct', 'FirewallProduct', "Get-AppxPackage -Name 'AppleInc.*'", 'Win32_PnPEntity']) {
      expect(WINDOWS_SCRIPT).toContain(part);
    }
    expect(WINDOWS_SCRIPT.trim().split('\n').at(-1)).toBe('$r | ConvertTo-Json -Depth 4 -Compress');
  });

  it('starts PowerShell once for the edition, both firewall checks and the USB driver, and each reads its part of the answer', async () => {
    const security = JSON.parse(fixture('windows', 'security-kaspersky-block-rule.json')) as Record<string, unknown>;
    const appx = JSON.parse(fixture('windows', 'appx-apple-one.json')) as unknown;
    const pnp = JSON.parse(fixture('windows', 'pnp-iphone-driver-missing.json')) as unknown;
    const { run, calls } = recordingRun(JSON.stringify({ ...security, appx: [appx], pnp }));
    const powershell = sharedWindowsPowerShell(run);
    const edition = serviceTasks('windows', run, powershell).find((task) => task.planned.id === 'service:edition')!;
    const [firewall, products] = firewallTasks('windows', () => Promise.resolve({ kind: 'listed', processes: [] }), run, powershell);
    // No device service listens at this address: the driver row still reads its part of the script's answer.
    const driver = deviceTasks('windows', { run, powershell, env: { USBMUXD_SOCKET_ADDRESS: 'UNIX:/nonexistent/usbmuxd' } }).find(
      (task) => task.planned.id === 'device:usb-driver',
    )!;

    const [editionResult, firewallResult, productsResult, driverResult] = await Promise.all([
      edition.run(signal()),
      firewall!.run(signal()),
      products!.run(signal()),
      driver.run(signal()),
    ]);
    expect(calls).toEqual([{ file: systemCommand('powershell'), script: WINDOWS_SCRIPT }]);
    expect(editionResult).toMatchObject({ status: 'ok', facts: { editions: 'the Apple Devices app (Microsoft Store)' } });
    expect(firewallResult).toMatchObject({ status: 'fail', reason: 'firewall-blocks' });
    expect(productsResult).toMatchObject({ status: 'warn', reason: 'security-product', facts: { product: 'Kaspersky Internet Security' } });
    expect(driverResult).toMatchObject({ status: 'fail', reason: 'device-driver-problem' });
  });

  it('the device checks asked for alone start PowerShell once, for their own part only', async () => {
    const { run, calls } = recordingRun(`{"pnp":${fixture('windows', 'pnp-iphone-ok.json')}}`);
    const driver = deviceTasks('windows', { run, env: { USBMUXD_SOCKET_ADDRESS: 'UNIX:/nonexistent/usbmuxd' } }).find(
      (task) => task.planned.id === 'device:usb-driver',
    )!;
    expect(await driver.run(signal())).toMatchObject({ status: 'ok', reason: 'ok' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.script).toBe(windowsScript(['pnp']));
    expect(calls[0]!.script).toContain('Win32_PnPEntity');
    expect(calls[0]!.script).not.toContain('HNetCfg.FwPolicy2');
  });
});
