import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CheckTask } from '../../scheduler/task';
import { runCommand, type CommandOutcome, type RunCommand } from '../../platform/exec';
import { POWERSHELL_DEADLINE_MS } from '../powershell';
import { systemCommand } from '../../platform/system-command';
import { commandTrouble, notApplicable, systemTask, type SystemOutcome } from '../task';
import { type SystemOs } from '../../platform/system-os';
import { sharedWindowsPowerShell, type WindowsPowerShell } from '../windows-powershell';
import { EDITION_NAMES, editionOfServicePath, editionsFound, parseAppxPackages } from './edition';
import { parseLaunchctlPrint } from './launchctl';
import { parseScQc, parseScQueryState, SC_SERVICE_MISSING } from './sc';

interface WindowsService {
  id: string;
  /** Service key names to try, newest first ("Apple Mobile Device" on old 32-bit installs). */
  names: string[];
  role: string;
  /** How bad "not running" is. */
  severity: 'fail' | 'warn';
}

const WINDOWS_SERVICES: WindowsService[] = [
  {
    id: 'mobile-device',
    names: ['Apple Mobile Device Service', 'Apple Mobile Device'],
    role: 'lets iTunes and Apple Devices see a connected iPhone, iPad or iPod',
    severity: 'fail',
  },
  { id: 'bonjour', names: ['Bonjour Service'], role: 'finds devices and shared libraries on the network (Wi-Fi sync)', severity: 'warn' },
];

export function serviceTasks(
  os: SystemOs,
  run: RunCommand = runCommand,
  powershell: WindowsPowerShell = sharedWindowsPowerShell(run),
): CheckTask[] {
  switch (os) {
    case 'windows':
      return [
        ...WINDOWS_SERVICES.map((service) =>
          systemTask({ id: `service:${service.id}`, kind: 'service', title: service.names[0]!, purpose: service.role }, (signal) =>
            windowsService(service, run, signal),
          ),
        ),
        systemTask(
          {
            id: 'service:edition',
            kind: 'service',
            title: 'Apple device software',
            purpose: 'Which edition is installed',
            minimumDeadlineMs: POWERSHELL_DEADLINE_MS,
          },
          (signal) => windowsEdition(powershell, signal),
        ),
      ];
    case 'mac':
      return [
        systemTask({ id: 'service:usbmuxd', kind: 'service', title: 'usbmuxd (launchd)', purpose: 'Talks to devices over USB' }, (signal) =>
          macUsbmuxd(run, signal),
        ),
        systemTask(
          { id: 'service:edition', kind: 'service', title: 'Apple device software', purpose: 'What syncs devices on this Mac' },
          () => macEdition(),
        ),
      ];
    default:
      return [
        systemTask({ id: 'service:apple', kind: 'service', title: 'Apple device services' }, () =>
          Promise.resolve(notApplicable("Apple's device services (Apple Mobile Device Service, usbmuxd under launchd)", os)),
        ),
      ];
  }
}

async function windowsService(service: WindowsService, run: RunCommand, signal: AbortSignal): Promise<SystemOutcome> {
  for (const name of service.names) {
    const query = await run(systemCommand('sc'), ['query', name], { signal, timeoutMs: 10_000 });
    if (query.kind !== 'ran') return commandTrouble('sc query', query);
    if (query.exitCode === SC_SERVICE_MISSING) continue;
    const config = await run(systemCommand('sc'), ['qc', name], { signal, timeoutMs: 10_000 });
    return judgeWindowsService(service, name, query, config);
  }
  return {
    status: service.severity,
    reason: 'service-missing',
    detail: `The "${service.names[0]}" service is not installed; it ${service.role}. Install (or repair) iTunes or the Apple Devices app.`,
    facts: { service: service.names[0]!, state: 'missing' },
  };
}

/** Pure: the verdict from `sc query` and `sc qc` outputs. */
export function judgeWindowsService(
  service: { names: string[]; role: string; severity: 'fail' | 'warn' },
  name: string,
  query: CommandOutcome,
  config: CommandOutcome,
): SystemOutcome {
  if (query.kind !== 'ran') return commandTrouble('sc query', query);
  if (query.exitCode === SC_SERVICE_MISSING) {
    return {
      status: service.severity,
      reason: 'service-missing',
      detail: `The "${name}" service is not installed.`,
      facts: { service: name, state: 'missing' },
    };
  }
  const state = parseScQueryState(query.stdout);
  if (!state) {
    return {
      status: 'warn',
      reason: 'output-not-understood',
      detail: `sc query "${name}" answered something this check does not understand (exit ${query.exitCode}).`,
      facts: { service: name },
    };
  }
  const qc = config.kind === 'ran' ? parseScQc(config.stdout) : {};
  const edition = qc.binaryPath ? editionOfServicePath(qc.binaryPath) : undefined;
  const facts = {
    service: name,
    state,
    startType: qc.startType ?? null,
    path: qc.binaryPath ?? null,
    edition: edition ? EDITION_NAMES[edition] : null,
  };
  if (state === 'RUNNING') return { status: 'ok', reason: 'ok', detail: `The "${name}" service is running: it ${service.role}.`, facts };
  const disabled = qc.startType === 'DISABLED';
  return {
    status: service.severity,
    reason: 'service-stopped',
    detail: `The "${name}" service is ${disabled ? 'disabled' : state.toLowerCase().replace('_', ' ')}; it ${service.role}. ${
      disabled
        ? 'Set its startup type to Automatic in Services, then start it.'
        : 'Start it in Services (services.msc) or restart the computer.'
    }`,
    facts,
  };
}

async function windowsEdition(powershell: WindowsPowerShell, signal: AbortSignal): Promise<SystemOutcome> {
  const appx = await powershell(signal);
  const programFiles = [process.env['ProgramFiles'], process.env['ProgramFiles(x86)']].filter((dir): dir is string => !!dir);
  let desktop: string | undefined;
  for (const dir of programFiles) {
    const exe = path.win32.join(dir, 'iTunes', 'iTunes.exe');
    if (
      await stat(exe).then(
        (info) => info.isFile(),
        () => false,
      )
    )
      desktop = exe;
  }
  return judgeWindowsEdition(appx, desktop);
}

/** Pure: which editions are installed, from the Windows script's output (its Store packages) and the desktop iTunes path. */
export function judgeWindowsEdition(script: CommandOutcome, desktopItunes: string | undefined): SystemOutcome {
  const packages = script.kind === 'ran' ? parseAppxPackages(script.stdout) : undefined;
  const found = editionsFound(packages ?? [], desktopItunes !== undefined);
  const facts = {
    editions: found.map((edition) => EDITION_NAMES[edition]).join('; ') || null,
    desktopItunes: desktopItunes ?? null,
    storePackages: packages ? packages.map((p) => `${p.name} ${p.version}`).join('; ') || null : null,
  };
  const storeUnknown = packages === undefined ? ' (the Microsoft Store apps could not be listed)' : '';
  if (found.length === 0) {
    return {
      status: packages === undefined ? 'warn' : 'fail',
      reason: 'software-missing',
      detail: `Neither iTunes nor the Apple Devices app was found${storeUnknown}. Windows needs one of them to talk to an iPhone, iPad or iPod.`,
      facts,
    };
  }
  const names = found.map((edition) => EDITION_NAMES[edition]);
  if (found.includes('itunes-desktop') && found.includes('itunes-store')) {
    return {
      status: 'warn',
      reason: 'ok',
      detail: `Two editions of iTunes are installed (${names.join(' and ')}); they fight over the device service. Uninstall one.`,
      facts,
    };
  }
  return { status: 'ok', reason: 'ok', detail: `Installed: ${names.join(', ')}${storeUnknown}.`, facts };
}

async function macUsbmuxd(run: RunCommand, signal: AbortSignal): Promise<SystemOutcome> {
  const printed = await run(systemCommand('launchctl'), ['print', 'system/com.apple.usbmuxd'], { signal, timeoutMs: 10_000 });
  return judgeUsbmuxd(printed);
}

/** Pure: usbmuxd's launchd state from `launchctl print system/com.apple.usbmuxd`. */
export function judgeUsbmuxd(printed: CommandOutcome): SystemOutcome {
  if (printed.kind !== 'ran') return commandTrouble('launchctl print', printed);
  const state = parseLaunchctlPrint(`${printed.stdout}\n${printed.stderr}`, printed.exitCode);
  switch (state.kind) {
    case 'missing':
      return {
        status: 'fail',
        reason: 'service-missing',
        detail: 'launchd has no usbmuxd service: this Mac cannot talk to devices over USB. Reinstall macOS or its device support.',
        facts: { service: 'com.apple.usbmuxd', state: 'missing' },
      };
    case 'not-understood':
      return {
        status: 'warn',
        reason: 'output-not-understood',
        detail: 'launchctl print answered something this check does not understand.',
      };
    case 'found': {
      const facts = { service: 'com.apple.usbmuxd', state: state.state, pid: state.pid, path: state.program };
      if (state.state === 'running') return { status: 'ok', reason: 'ok', detail: `usbmuxd is running (pid ${state.pid ?? '?'}).`, facts };
      return {
        status: 'warn',
        reason: 'service-stopped',
        detail: `usbmuxd is loaded but ${state.state}; launchd starts it when a device connects. If a connected device is not seen, restart the Mac.`,
        facts,
      };
    }
  }
}

async function macEdition(): Promise<SystemOutcome> {
  const darwin = Number.parseInt(os.release(), 10);
  const itunes = await stat('/Applications/iTunes.app').then(
    () => true,
    () => false,
  );
  return judgeMacEdition(darwin, itunes);
}

/** Pure: Finder syncs from macOS 10.15 (Darwin 19); before, iTunes does. */
export function judgeMacEdition(darwinMajor: number, itunesApp: boolean): SystemOutcome {
  const facts = { darwin: darwinMajor, itunesApp };
  if (darwinMajor >= 19)
    return { status: 'ok', reason: 'ok', detail: 'Finder syncs devices on this macOS (10.15 or later); iTunes is not needed.', facts };
  if (itunesApp)
    return { status: 'ok', reason: 'ok', detail: 'iTunes syncs devices on this macOS (before 10.15), and it is installed.', facts };
  return {
    status: 'fail',
    reason: 'software-missing',
    detail: 'This macOS (before 10.15) syncs devices with iTunes, which is not in /Applications.',
    facts,
  };
}
