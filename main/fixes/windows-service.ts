import { parseScQc, parseScQueryState, SC_SERVICE_MISSING } from '../system/services/sc';
import { windowsCommand } from './commands';
import type { FixEnvironment, PreparedFix } from './definition';
import { blockedFix, commandFix, defaultJudge, type PlannedCommand, type StepVerdict } from './steps';

export type ServicePlan = { kind: 'planned'; fix: PreparedFix; name: string } | { kind: 'missing' } | { kind: 'blocked'; fix: PreparedFix };

/** `net start` of a service that already runs says so with message 2182, in every language. */
function netStartJudge(ran: Parameters<typeof defaultJudge>[0]): StepVerdict {
  return /HELPMSG 2182\b/.test(`${ran.stdout}${ran.stderr}`) ? { kind: 'ok' } : defaultJudge(ran);
}

/**
 * Plans starting (or restarting) a Windows service, found under the first of `names` that is
 * installed: `sc config … start= auto` if it was disabled, `net stop` if a restart is asked and it
 * runs, then `net start` (net waits for the service, unlike sc).
 */
export async function planWindowsService(
  names: readonly string[],
  options: { restart: boolean; displayName: string },
  env: FixEnvironment,
): Promise<ServicePlan> {
  const sc = windowsCommand('sc', env);
  const net = windowsCommand('net', env);
  if (!sc.ok || !net.ok)
    return { kind: 'blocked', fix: blockedFix(`Cannot run here: ${sc.ok ? (net.ok ? '' : net.why) : sc.why}.`, [], 'failed') };
  for (const name of names) {
    const query = await env.run(sc.path, ['query', name], { signal: env.signal, timeoutMs: 10_000 });
    if (query.kind !== 'ran') {
      const why = query.kind === 'cannot-run' ? query.why : `sc query did not answer (${query.kind})`;
      return { kind: 'blocked', fix: blockedFix(`Cannot look at the service: ${why}.`, [], 'failed') };
    }
    if (query.exitCode === SC_SERVICE_MISSING) continue;
    const state = parseScQueryState(query.stdout);
    const config = await env.run(sc.path, ['qc', name], { signal: env.signal, timeoutMs: 10_000 });
    const startType = config.kind === 'ran' ? parseScQc(config.stdout).startType : undefined;
    const commands: PlannedCommand[] = [];
    if (startType === 'DISABLED') {
      commands.push({
        argv: [sc.path, 'config', name, 'start=', 'auto'],
        purpose: `Set "${name}" to start automatically (it was disabled).`,
      });
    }
    if (state === 'RUNNING' && !options.restart) {
      return { kind: 'blocked', fix: blockedFix(`The ${options.displayName} is already running: nothing to start.`) };
    }
    if (state === 'RUNNING' || state === 'START_PENDING') {
      commands.push({ argv: [net.path, 'stop', name], purpose: `Stop "${name}".`, timeoutMs: 60_000 });
    }
    commands.push({ argv: [net.path, 'start', name], purpose: `Start "${name}".`, judge: netStartJudge, timeoutMs: 60_000 });
    return { kind: 'planned', fix: commandFix(commands, true, env.run, env.signal), name };
  }
  return { kind: 'missing' };
}
