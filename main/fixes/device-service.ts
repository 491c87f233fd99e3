import { macCommand } from './commands';
import type { FixDefinition, FixEnvironment, PreparedFix } from './definition';
import { blockedFix, commandFix, defaultJudge, type StepVerdict } from './steps';
import { planWindowsService } from './windows-service';

/** killall answers exit 1 when nothing by that name runs: nothing to restart, not a failure. */
function killallJudge(ran: Parameters<typeof defaultJudge>[0]): StepVerdict {
  return ran.exitCode === 1 && /no matching processes/i.test(`${ran.stdout}${ran.stderr}`) ? { kind: 'ok' } : defaultJudge(ran);
}

export const restartDeviceService: FixDefinition = {
  id: 'restart-device-service',
  answers: ['device-service-not-running', 'apple-helper-not-running', 'device-not-seen'],
  title: 'Restart the Apple device service',
  changes:
    'Windows: stops and starts the Apple Mobile Device Service (and sets it to start automatically if it was disabled). macOS: ends usbmuxd and the Finder device agents; the system starts them again at once.',
  platforms: ['windows', 'mac'],
  undoable: false,
  guidance: false,
  needsAdmin: () => true,
  recheck: ['service:mobile-device', 'service:usbmuxd', 'listener:tcp:27015'],
  prepare: async (env) => (env.os === 'mac' ? macRestart(env) : env.os === 'windows' ? windowsRestart(env) : notHere()),
};

async function windowsRestart(env: FixEnvironment): Promise<PreparedFix> {
  const plan = await planWindowsService(
    ['Apple Mobile Device Service', 'Apple Mobile Device'],
    { restart: true, displayName: 'Apple Mobile Device Service' },
    env,
  );
  if (plan.kind !== 'missing') return plan.fix;
  if (storeEdition(env)) {
    const text =
      'The Microsoft Store edition of iTunes and the Apple Devices app have no Windows service: the device connection runs inside the app (AppleMobileDeviceProcess.exe). Quit the app completely and open it again; if the device is still not seen, sign out of Windows and back in.';
    return blockedFix(text, [{ kind: 'manual', text }]);
  }
  return blockedFix(
    'The Apple Mobile Device Service is not installed, so there is nothing to restart. Install (or repair) iTunes or the Apple Devices app.',
    [],
    'failed',
  );
}

/** Whether the run found a Microsoft Store edition (the service check's facts say so). */
function storeEdition(env: FixEnvironment): boolean {
  const facts = env.checks.find((check) => check.id === 'service:edition' && check.group === 'system');
  const editions = facts && facts.group === 'system' ? facts.facts?.['editions'] : undefined;
  return typeof editions === 'string' && /Microsoft Store/.test(editions);
}

function macRestart(env: FixEnvironment): PreparedFix {
  const killall = macCommand('killall').path;
  return commandFix(
    [
      {
        argv: [killall, 'usbmuxd'],
        purpose: 'End usbmuxd, which talks to devices over USB; launchd starts it again at once.',
        judge: killallJudge,
      },
      {
        argv: [killall, 'AMPDevicesAgent', 'AMPDeviceDiscoveryAgent'],
        purpose: "End Finder's device agents; they start again when Finder next looks for a device.",
        judge: killallJudge,
      },
    ],
    true,
    env.run,
    env.signal,
  );
}

function notHere(): PreparedFix {
  return blockedFix('There is no Apple device service on this operating system.');
}
