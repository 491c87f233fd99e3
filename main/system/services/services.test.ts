import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CommandOutcome, RunCommand } from '../../platform/exec';
import { fixture } from '../fixtures/load';
import { editionOfServicePath, parseAppxPackages } from './edition';
import { parseLaunchctlPrint } from './launchctl';
import { parseScQc, parseScQueryState } from './sc';
import { judgeMacEdition, judgeUsbmuxd, judgeWindowsEdition, judgeWindowsService, serviceTasks } from './tasks';

const ran = (stdout: string, exitCode = 0): CommandOutcome => ({ kind: 'ran', stdout, stderr: '', exitCode });
const amds = { names: ['Apple Mobile Device Service', 'Apple Mobile Device'], role: 'lets iTunes see devices', severity: 'fail' as const };
const signal = () => AbortSignal.timeout(10_000);
/** The Windows script's output with these Store packages (Get-AppxPackage's JSON) as its `appx` part. */
const scriptWithAppx = (appxJson: string) => `{"profiles":[],"appx":${appxJson}}`;

describe('Windows sc (captured)', () => {
  it('reads the state in English and German output', () => {
    expect(parseScQueryState(fixture('windows', 'sc-query-amds-running-en.txt'))).toBe('RUNNING');
    expect(parseScQueryState(fixture('windows', 'sc-query-bonjour-stopped-de.txt'))).toBe('STOPPED');
    expect(parseScQueryState(fixture('windows', 'sc-query-missing-fr.txt'))).toBeUndefined();
    // Written in the console's OEM code page (CP850), read as UTF-8: the labels garble, the state word does not.
    expect(parseScQueryState(fixture('windows', 'sc-query-amds-running-fr-cp850.txt'))).toBe('RUNNING');
  });

  it('reads start type and path, and tells the edition from the path', () => {
    const desktop = parseScQc(fixture('windows', 'sc-qc-amds-desktop-en.txt'));
    expect(desktop).toEqual({
      startType: 'AUTO_START',
      binaryPath: 'C:\\Program Files\\Common Files\\Apple\\Mobile Device Support\\AppleMobileDeviceService.exe',
    });
    expect(editionOfServicePath(desktop.binaryPath!)).toBe('itunes-desktop');
    const store = parseScQc(fixture('windows', 'sc-qc-amds-store-disabled-en.txt'));
    expect(store.startType).toBe('DISABLED');
    expect(editionOfServicePath(store.binaryPath!)).toBe('itunes-store');
  });

  it('judges running, disabled and missing services', () => {
    const running = judgeWindowsService(
      amds,
      'Apple Mobile Device Service',
      ran(fixture('windows', 'sc-query-amds-running-en.txt')),
      ran(fixture('windows', 'sc-qc-amds-desktop-en.txt')),
    );
    expect(running).toMatchObject({
      status: 'ok',
      facts: { state: 'RUNNING', startType: 'AUTO_START', edition: "iTunes from Apple's installer" },
    });
    const stopped = judgeWindowsService(
      amds,
      'Apple Mobile Device Service',
      ran(fixture('windows', 'sc-query-bonjour-stopped-de.txt'), 0),
      ran(fixture('windows', 'sc-qc-amds-store-disabled-en.txt')),
    );
    expect(stopped).toMatchObject({ status: 'fail', reason: 'service-stopped' });
    expect(stopped.detail).toContain('disabled');
    const missing = judgeWindowsService(
      amds,
      'Apple Mobile Device',
      ran(fixture('windows', 'sc-query-missing-en.txt'), 1060),
      ran('', 1060),
    );
    expect(missing).toMatchObject({ status: 'fail', reason: 'service-missing' });
    expect(judgeWindowsService(amds, 'x', ran('garbage'), ran(''))).toMatchObject({ status: 'warn', reason: 'output-not-understood' });
  });

  it("tells editions from the Windows script's Store packages (one object, a list, none, or not listed)", () => {
    expect(parseAppxPackages(scriptWithAppx(fixture('windows', 'appx-apple-one.json')))).toEqual([
      {
        name: 'AppleInc.AppleDevices',
        version: '1.0.34.0',
        installLocation: 'C:\\Program Files\\WindowsApps\\AppleInc.AppleDevices_1.0.34.0_x64__nzyj5cx40ttqa',
      },
    ]);
    const two = judgeWindowsEdition(
      ran(scriptWithAppx(fixture('windows', 'appx-apple-two.json'))),
      'C:\\Program Files\\iTunes\\iTunes.exe',
    );
    expect(two).toMatchObject({ status: 'warn' });
    expect(two.detail).toContain('Two editions of iTunes');
    expect(judgeWindowsEdition(ran(scriptWithAppx('[]')), undefined)).toMatchObject({ status: 'fail', reason: 'software-missing' });
    expect(judgeWindowsEdition(ran(scriptWithAppx('null')), undefined)).toMatchObject({ status: 'fail', reason: 'software-missing' });
    // Not listed (the part failed, or the script gave garbage): unknown, so only a warning.
    const notListed = judgeWindowsEdition(ran('{"appxError":"Get-AppxPackage is not recognized"}'), undefined);
    expect(notListed).toMatchObject({ status: 'warn', reason: 'software-missing' });
    expect(notListed.detail).toContain('the Microsoft Store apps could not be listed');
    expect(judgeWindowsEdition(ran('{not json'), undefined)).toMatchObject({ status: 'warn', reason: 'software-missing' });
    expect(judgeWindowsEdition(ran(scriptWithAppx(fixture('windows', 'appx-apple-one.json'))), undefined)).toMatchObject({
      status: 'ok',
      facts: { editions: 'the Apple Devices app (Microsoft Store)' },
    });
  });
});

describe('macOS launchctl (captured)', () => {
  it('reads the top-level state and pid, not the nested socket state', () => {
    expect(parseLaunchctlPrint(fixture('mac', 'launchctl-print-usbmuxd.txt'), 0)).toEqual({
      kind: 'found',
      state: 'running',
      pid: 187,
      program: '/System/Library/PrivateFrameworks/MobileDevice.framework/Versions/A/Resources/usbmuxd',
    });
    expect(judgeUsbmuxd(ran(fixture('mac', 'launchctl-print-usbmuxd-waiting.txt')))).toMatchObject({
      status: 'warn',
      reason: 'service-stopped',
      facts: { state: 'not running' },
    });
    expect(judgeUsbmuxd(ran(fixture('mac', 'launchctl-print-missing.txt'), 113))).toMatchObject({
      status: 'fail',
      reason: 'service-missing',
    });
  });

  it('knows Finder syncs from macOS 10.15', () => {
    expect(judgeMacEdition(23, false)).toMatchObject({ status: 'ok' });
    expect(judgeMacEdition(18, false)).toMatchObject({ status: 'fail', reason: 'software-missing' });
  });
});

describe('services on this machine', () => {
  it('are not applicable on Linux', async () => {
    const tasks = serviceTasks('linux');
    expect(tasks).toHaveLength(1);
    expect(await tasks[0]!.run(signal())).toMatchObject({ kind: 'service', status: 'skipped', reason: 'not-applicable' });
  });

  it('run sc and PowerShell by their full path under %SystemRoot%\\System32, and launchctl by its own', async () => {
    const started: string[] = [];
    const recording: RunCommand = (file) => {
      started.push(file);
      return Promise.resolve({ kind: 'cannot-run', why: 'recorded only' });
    };
    for (const os of ['windows', 'mac'] as const) await Promise.all(serviceTasks(os, recording).map((task) => task.run(signal())));
    expect(new Set(started)).toEqual(
      new Set(['C:\\Windows\\System32\\sc.exe', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', '/bin/launchctl']),
    );
  });

  it('say "cannot run here" when the Windows and macOS tools are missing, without throwing', async () => {
    for (const os of ['windows', 'mac'] as const) {
      const results = await Promise.all(serviceTasks(os).map((task) => task.run(signal())));
      const first = results[0]!;
      expect(first).toMatchObject({ status: 'skipped', reason: 'cannot-run' });
      expect(first.detail).toMatch(/^Cannot run here: /);
    }
  });
});

describe('sc parsers on hostile lines', () => {
  it('read a very long line in one pass (a line pattern took quadratic time on 40,000 spaces)', () => {
    const spaces = ' '.repeat(100_000);
    const fewer = ' '.repeat(40_000);
    expect(parseScQc(`        BINARY_PATH_NAME   : x${spaces}y.exe!\r\n${fewer}PATH${fewer}`)).toEqual({ binaryPath: `x${spaces}y.exe!` });
    expect(parseScQc(`        START_TYPE         : 2${spaces}AUTO_START${spaces}(DELAYED)`)).toEqual({ startType: 'AUTO_START' });
    expect(parseScQueryState(`        STATE : 4${spaces}RUNNING${spaces}`)).toBe('RUNNING');
  });

  it('stay linear on lines of a megabyte', () => {
    const huge = ' '.repeat(1_000_000);
    expect(parseScQc(`${huge}BINARY_PATH_NAME${huge}:${huge}x${huge}y.exe${huge}\r\n${huge}PATH${huge}`)).toEqual({
      binaryPath: `x${huge}y.exe`,
    });
  });

  it('take the quoted part of a path with arguments, and leave an unclosed quote alone', () => {
    expect(parseScQc('        BINARY_PATH_NAME   : "C:\\Program Files\\Apple\\AppleMobileDeviceService.exe" -run')).toEqual({
      binaryPath: 'C:\\Program Files\\Apple\\AppleMobileDeviceService.exe',
    });
    expect(parseScQc('        BINARY_PATH_NAME   : "C:\\x.exe')).toEqual({ binaryPath: '"C:\\x.exe' });
  });
});

describe('service parsers never throw (property)', () => {
  it('on garbage', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.integer({ min: -1, max: 2000 }), (text, code) => {
        parseScQueryState(text);
        parseScQc(text);
        parseLaunchctlPrint(text, code);
        parseAppxPackages(text);
        editionOfServicePath(text);
        judgeUsbmuxd(ran(text, code));
        judgeWindowsEdition(ran(text, code), undefined);
      }),
    );
  });

  it('on JSON of any shape', () => {
    fc.assert(fc.property(fc.json(), (json) => void parseAppxPackages(json)));
    fc.assert(fc.property(fc.json(), (json) => void parseAppxPackages(scriptWithAppx(json))));
  });
});
