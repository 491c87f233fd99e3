import { parseWinHttpSettings, type WinHttpSettings } from '../proxy/windows';
import { parseRegQuery } from '../platform/reg-query';
import { windowsCommand } from './commands';
import type { FixDefinition, FixEnvironment, PreparedFix } from './definition';
import { blockedFix, commandStep, runPlanned, type PlannedCommand } from './steps';

const FIX_ID = 'reset-winhttp-proxy' as const;
const CONNECTIONS = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections';
/** What a WinHTTP proxy or bypass list may hold; anything else is not put back into a command. */
const PROXY_TEXT = /^[A-Za-z0-9.:;=_\-[\]/*]{1,1000}$/;
const BYPASS_TEXT = /^[A-Za-z0-9.:;_\-[\]*<>]{1,2000}$/;

export const resetWinHttpProxy: FixDefinition = {
  id: FIX_ID,
  answers: ['proxy-unreachable', 'proxy-blocks-apple', 'proxy-settings-unusable'],
  title: 'Reset the WinHTTP proxy',
  changes:
    "Sets Windows' machine-wide WinHTTP proxy (used by services, not by browsers) back to direct. The old value is recorded so undo can set it again.",
  platforms: ['windows'],
  undoable: true,
  guidance: false,
  needsAdmin: () => true,
  recheck: ['proxy:https', 'proxy:http'],
  prepare: async (env) => {
    if (env.os !== 'windows') return blockedFix('WinHTTP exists only on Windows.');
    const current = await readWinHttp(env);
    if (typeof current === 'string') return blockedFix(current, [], 'failed');
    if (!current.proxy) return blockedFix('WinHTTP already connects directly (no proxy set): nothing to reset.');
    const netsh = windowsCommand('netsh', env);
    if (!netsh.ok) return blockedFix(`Cannot run here: ${netsh.why}.`, [], 'failed');
    const reset: PlannedCommand = {
      argv: [netsh.path, 'winhttp', 'reset', 'proxy'],
      purpose: `Set WinHTTP to direct (it is now ${current.proxy}${current.bypass.length ? `, bypass ${current.bypass.join(';')}` : ''}).`,
    };
    return {
      steps: [commandStep(reset)],
      needsAdmin: true,
      apply: async () => {
        const result = await runPlanned([reset], env.run, env.signal);
        if (result.outcome.kind === 'applied') {
          await env.undo.save({
            fixId: FIX_ID,
            at: env.now().toISOString(),
            data: { proxy: current.proxy ?? '', bypass: current.bypass.join(';') },
          });
        }
        return result;
      },
    };
  },
  prepareUndo: async (env): Promise<PreparedFix> => {
    const record = await env.undo.load(FIX_ID);
    if (!record) return blockedFix(`Sync Doctor has no record of resetting the WinHTTP proxy here (records are kept in ${env.undo.dir}).`);
    const { proxy = '', bypass = '' } = record.data;
    if (!PROXY_TEXT.test(proxy) || (bypass !== '' && !BYPASS_TEXT.test(bypass))) {
      return blockedFix('The recorded WinHTTP proxy holds characters a proxy setting never has; it is not put back.', [], 'failed');
    }
    const netsh = windowsCommand('netsh', env);
    if (!netsh.ok) return blockedFix(`Cannot run here: ${netsh.why}.`, [], 'failed');
    const set: PlannedCommand = {
      argv: [netsh.path, 'winhttp', 'set', 'proxy', `proxy-server=${proxy}`, ...(bypass ? [`bypass-list=${bypass}`] : [])],
      purpose: `Set the WinHTTP proxy back to ${proxy}, as it was before ${record.at}.`,
    };
    return {
      steps: [commandStep(set)],
      needsAdmin: true,
      apply: async () => {
        const result = await runPlanned([set], env.run, env.signal);
        if (result.outcome.kind === 'applied') await env.undo.forget(FIX_ID);
        return result;
      },
    };
  },
};

/** The WinHTTP setting as the registry holds it (what netsh writes), or why it cannot be read. */
async function readWinHttp(env: FixEnvironment): Promise<WinHttpSettings | string> {
  const reg = windowsCommand('reg', env);
  if (!reg.ok) return `Cannot run here: ${reg.why}.`;
  const query = await env.run(reg.path, ['query', CONNECTIONS, '/v', 'WinHttpSettings'], { signal: env.signal, timeoutMs: 10_000 });
  if (query.kind !== 'ran') return `The WinHTTP setting could not be read (${query.kind === 'cannot-run' ? query.why : query.kind}).`;
  // No value at all: WinHTTP has never been set, which means direct.
  if (query.exitCode !== 0) return { bypass: [] };
  const value = parseRegQuery(query.stdout).find((entry) => entry.name.toLowerCase() === 'winhttpsettings');
  const settings = value ? parseWinHttpSettings(value.data) : { bypass: [] };
  return settings ?? 'The WinHTTP setting is in a form Sync Doctor does not understand; it is left alone.';
}
