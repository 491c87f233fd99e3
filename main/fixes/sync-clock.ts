import { parseScQc, parseScQueryState, SC_SERVICE_MISSING } from '../system/services/sc';
import { macCommand, windowsCommand } from './commands';
import type { FixDefinition, FixEnvironment, PreparedFix } from './definition';
import { blockedFix, commandFix, type PlannedCommand } from './steps';

export const syncClock: FixDefinition = {
  id: 'sync-clock',
  answers: ['clock-wrong'],
  title: 'Set the clock from the network',
  changes:
    "Sets this computer's clock from a time server now (Windows: the Windows Time service, started first if it was stopped; macOS: time.apple.com).",
  platforms: ['windows', 'mac'],
  undoable: false,
  guidance: false,
  needsAdmin: () => true,
  recheck: ['clock:offset', 'ntp:time.apple.com'],
  prepare: async (env) => {
    switch (env.os) {
      case 'windows':
        return windowsResync(env);
      case 'mac':
        return commandFix(
          [
            {
              argv: [macCommand('sntp').path, '-sS', 'time.apple.com'],
              purpose: 'Ask time.apple.com for the time and set the clock to it.',
              timeoutMs: 30_000,
            },
          ],
          true,
          env.run,
          env.signal,
        );
      default:
        return blockedFix(
          'Sync Doctor sets the clock on Windows and macOS only; use your system\'s date and time settings ("Set time automatically").',
        );
    }
  },
};

async function windowsResync(env: FixEnvironment): Promise<PreparedFix> {
  const sc = windowsCommand('sc', env);
  const net = windowsCommand('net', env);
  const w32tm = windowsCommand('w32tm', env);
  if (!sc.ok || !net.ok || !w32tm.ok) {
    const why = [sc, net, w32tm].find((found) => !found.ok);
    return blockedFix(`Cannot run here: ${why && !why.ok ? why.why : 'a command is missing'}.`, [], 'failed');
  }
  const query = await env.run(sc.path, ['query', 'w32time'], { signal: env.signal, timeoutMs: 10_000 });
  if (query.kind !== 'ran') return blockedFix('Cannot look at the Windows Time service (sc query did not answer).', [], 'failed');
  if (query.exitCode === SC_SERVICE_MISSING) {
    return blockedFix('The Windows Time service (w32time) is not installed; use Settings › Time & language › "Sync now".', [], 'failed');
  }
  const commands: PlannedCommand[] = [];
  if (parseScQueryState(query.stdout) !== 'RUNNING') {
    const config = await env.run(sc.path, ['qc', 'w32time'], { signal: env.signal, timeoutMs: 10_000 });
    if (config.kind === 'ran' && parseScQc(config.stdout).startType === 'DISABLED') {
      return blockedFix(
        'The Windows Time service is disabled, perhaps by company policy; Sync Doctor does not turn it back on. Ask whoever manages this PC, or set the time in Settings › Time & language.',
        [],
        'failed',
      );
    }
    commands.push({ argv: [net.path, 'start', 'w32time'], purpose: 'Start the Windows Time service (it was stopped).', timeoutMs: 60_000 });
  }
  commands.push({ argv: [w32tm.path, '/resync'], purpose: 'Set the clock from the configured time server now.', timeoutMs: 60_000 });
  return commandFix(commands, true, env.run, env.signal);
}
