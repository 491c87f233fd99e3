// The device side: the service that sees iPhones and iPads, the software it comes with, the port
// it listens on, and what the device check (usbmux) says about the device itself.
import type { SystemCheck } from '../../contract/check';
import type { Rule } from '../rule';
import { DEVICE_SYMPTOMS, ids, openSystem, sameSteps } from './shared';

const BONJOUR = 'service:bonjour';
const DEVICE_PROCESSES = new Set(['process:mobile-device-service', 'process:mobile-device-helper']);

const restartSteps = {
  windows: [
    'iTunes from Apple\'s web site: press Windows+R, type services.msc, find "Apple Mobile Device Service", right-click > Restart, and set its Startup type to Automatic.',
    'iTunes or Apple Devices from the Microsoft Store: quit the app completely and open it again (or restart the computer).',
  ],
  mac: ['Unplug the device, restart the Mac, then plug the device in again with the Mac unlocked.'],
};

function details(checks: readonly SystemCheck[]): string {
  return checks.map((check) => check.detail).join(' ');
}

export const deviceServiceNotRunning: Rule = (context) => {
  const evidence = [
    ...openSystem(context, 'service', 'service-stopped').filter((check) => check.id !== BONJOUR),
    ...openSystem(context, 'process', 'process-missing').filter((check) => DEVICE_PROCESSES.has(check.id) && check.status === 'fail'),
    ...openSystem(context, 'listener', 'port-not-listening'),
    ...openSystem(context, 'device', 'device-service-unreachable'),
  ];
  if (evidence.length === 0) return undefined;
  return {
    id: 'device-service-not-running',
    title: 'The service that sees your iPhone or iPad is not running',
    detail: `${details(evidence)} Without it, iTunes, Finder and the Apple Devices app cannot see a connected device.`,
    confidence: 'high',
    checks: ids(evidence),
    symptoms: DEVICE_SYMPTOMS,
    fixes: ['restart-device-service'],
    steps: restartSteps,
    subject: { ports: evidence.some((check) => check.kind === 'listener') ? [27015] : [] },
  };
};

export const deviceServiceMissing: Rule = (context) => {
  const evidence = openSystem(context, 'service', 'service-missing').filter((check) => check.id !== BONJOUR);
  if (evidence.length === 0) return undefined;
  return {
    id: 'device-service-missing',
    title: 'Apple Mobile Device Support is not installed',
    detail: `${details(evidence)} It comes with iTunes and the Apple Devices app; without it no device can be seen.`,
    confidence: 'high',
    checks: ids(evidence),
    symptoms: DEVICE_SYMPTOMS,
    fixes: [],
    steps: {
      windows: ['Install (or repair) the Apple Devices app or iTunes from the Microsoft Store, then restart the computer.'],
      mac: ['Install the latest macOS update: the device service is part of macOS.'],
    },
    subject: {},
  };
};

export const appleSoftwareMissing: Rule = (context) => {
  const evidence = openSystem(context, 'service', 'software-missing');
  if (evidence.length === 0) return undefined;
  return {
    id: 'apple-software-missing',
    title: 'Neither iTunes nor the Apple Devices app is installed',
    detail: details(evidence),
    confidence: 'high',
    checks: ids(evidence),
    symptoms: ['device-not-recognized', 'sync-fails', 'update-error'],
    fixes: [],
    steps: {
      windows: ['Install the Apple Devices app (Windows 10 and 11) or iTunes from the Microsoft Store.'],
      mac: ['On macOS 10.15 or later, Finder syncs devices; on older macOS, install iTunes.'],
    },
    subject: {},
  };
};

export const port27015Held: Rule = (context) => {
  const evidence = openSystem(context, 'listener', 'port-held').filter((check) => check.port === 27015);
  if (evidence.length === 0) return undefined;
  return {
    id: 'port-27015-held',
    title: 'Another program holds the port the device service needs',
    detail: details(evidence),
    confidence: 'high',
    checks: ids(evidence),
    symptoms: DEVICE_SYMPTOMS,
    fixes: ['restart-device-service'],
    steps: {
      windows: ['Quit the program named above (or uninstall it), then restart Apple Mobile Device Service or the Apple Devices app.'],
      mac: ['Quit the program named above, then unplug and plug in the device again.'],
    },
    subject: { ports: [27015] },
  };
};

export const localPortHeld: Rule = (context) => {
  const evidence = openSystem(context, 'listener', 'port-held').filter((check) => check.port !== 27015);
  if (evidence.length === 0) return undefined;
  return {
    id: 'local-port-held',
    title: 'Another program holds a port Apple software uses',
    detail: details(evidence),
    confidence: 'medium',
    checks: ids(evidence),
    symptoms: ['sync-fails'],
    fixes: [],
    steps: sameSteps('Quit or reconfigure the program named above, then check again.'),
    subject: { ports: evidence.flatMap((check) => (check.port !== undefined ? [check.port] : [])) },
  };
};

export const bonjourNotRunning: Rule = (context) => {
  const evidence = openSystem(context, 'service', 'service-stopped', 'service-missing').filter((check) => check.id === BONJOUR);
  if (evidence.length === 0) return undefined;
  const missing = evidence.some((check) => check.reason === 'service-missing');
  return {
    id: 'bonjour-not-running',
    title: missing ? 'Bonjour is not installed' : 'Bonjour is not running',
    detail: `${details(evidence)} Wi-Fi sync and finding devices on the network need it.`,
    confidence: 'high',
    checks: ids(evidence),
    severity: 'warn',
    symptoms: ['sync-fails', 'device-not-recognized'],
    fixes: missing ? [] : ['start-bonjour'],
    steps: {
      windows: missing
        ? ['Repair iTunes or the Apple Devices app (Settings > Apps > the app > Modify / Repair): it installs Bonjour.']
        : ['Press Windows+R, type services.msc, find "Bonjour Service", right-click > Start, and set its Startup type to Automatic.'],
      mac: ['Bonjour is part of macOS: restart the Mac.'],
    },
    subject: {},
  };
};

export const appleHelperNotRunning: Rule = (context) => {
  const evidence = openSystem(context, 'process', 'process-missing');
  if (evidence.length === 0) return undefined;
  return {
    id: 'apple-helper-not-running',
    title: 'An Apple helper program is not running',
    detail: details(evidence),
    confidence: 'medium',
    checks: ids(evidence),
    symptoms: DEVICE_SYMPTOMS,
    fixes: ['restart-device-service'],
    steps: restartSteps,
    subject: {},
  };
};

export const deviceDriverProblem: Rule = (context) => {
  const evidence = openSystem(context, 'device', 'device-driver-problem');
  if (evidence.length === 0) return undefined;
  return {
    id: 'device-driver-problem',
    title: 'Windows has a problem with the Apple USB driver',
    detail: `${details(evidence)} The device is plugged in, but Windows cannot use it until the Apple Mobile Device USB driver works.`,
    confidence: 'high',
    checks: ids(evidence),
    symptoms: ['device-not-recognized'],
    fixes: [],
    steps: {
      windows: [
        'Unplug the device, unlock it, and plug it in again.',
        'Right-click Start > Device Manager > Portable Devices (or Universal Serial Bus controllers): right-click the Apple device > Update driver > Search automatically.',
        'If that does not help: right-click it > Uninstall device, unplug, and plug it in again; or repair the Apple Devices app / iTunes.',
      ],
      mac: ['macOS needs no driver: restart the Mac and try another cable.'],
    },
    subject: {},
  };
};

export const deviceNotTrusted: Rule = (context) => {
  const evidence = openSystem(context, 'device', 'device-not-trusted');
  if (evidence.length === 0) return undefined;
  return {
    id: 'device-not-trusted',
    title: 'Your device does not trust this computer yet',
    detail: `${details(evidence)} Until it does, iTunes and Finder report "could not connect" (error 0xE8000015).`,
    confidence: 'high',
    checks: ids(evidence),
    symptoms: ['device-not-recognized', 'sync-fails'],
    fixes: [],
    steps: sameSteps(
      'Unlock the iPhone or iPad, keep it on its Home Screen, plug it in, and tap Trust when it asks "Trust This Computer?" (then enter the passcode).',
    ),
    subject: {},
  };
};

export const deviceCableOrPort: Rule = (context) => {
  const offBus = openSystem(context, 'device', 'device-not-on-usb');
  if (offBus.length === 0) return undefined;
  // "The service sees no device" is the same cause when nothing is on the bus: one finding.
  const evidence = [...offBus, ...openSystem(context, 'device', 'device-none')];
  return {
    id: 'device-cable-or-port',
    title: 'No Apple device is on the USB bus',
    detail: `${details(offBus)} The computer does not see a device at all: the cable, the port or a hub is the likely cause.`,
    confidence: 'medium',
    checks: ids(evidence),
    symptoms: ['device-not-recognized'],
    fixes: [],
    steps: {
      windows: [
        "Try another cable (Apple's own, or one that carries data, not only power) and a USB port on the computer itself, not a hub or keyboard.",
      ],
      mac: [
        "Try another cable (Apple's own, or one that carries data, not only power) and a USB port on the Mac itself, not a hub or display.",
      ],
    },
    subject: {},
  };
};

export const deviceNotSeen: Rule = (context) => {
  const evidence = openSystem(context, 'device', 'device-none');
  if (evidence.length === 0) return undefined;
  return {
    id: 'device-not-seen',
    title: 'No iPhone, iPad or iPod is connected',
    detail: `${details(evidence)}`,
    confidence: 'medium',
    checks: ids(evidence),
    severity: 'warn',
    symptoms: ['device-not-recognized'],
    fixes: [],
    steps: {
      windows: [
        'Unlock the device and keep it on the Home Screen; tap Trust if it asks.',
        'Try another cable and a USB port on the computer itself, not a hub.',
      ],
      mac: [
        'Unlock the device and keep it on the Home Screen; tap Trust if it asks.',
        'Try another cable and a USB port on the Mac itself, not a hub.',
      ],
    },
    subject: {},
  };
};
