import { runCommand } from '../platform/exec';
import { systemCommand } from '../platform/system-command';
import { systemOs, type SystemOs } from '../platform/system-os';
import { proxyFromEnv } from './env';
import { parseScutilProxy, scutilProxy, type ScutilProxies } from './mac';
import { proxyFromPacResult } from './pac-result';
import { redactProxyText, safe } from './redact';
import type { ProxySetting } from './setting';
import {
  internetSettingsFrom,
  internetSettingsProxy,
  parseWinHttpSettings,
  winHttpProxy,
  type InternetSettings,
  type WinHttpSettings,
} from './windows';
import { parseRegQuery } from '../platform/reg-query';

export interface ProxyOptions {
  /** Default: process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Default: the running OS. */
  os?: SystemOs;
  /**
   * The desktop app passes Electron's `session.resolveProxy`, which evaluates PAC scripts and
   * auto-detection like Chromium does. The CLI has no PAC engine and leaves it out.
   */
  resolveProxy?: (url: string) => Promise<string>;
  /** Skip the OS settings (tests that must not depend on this machine's settings). */
  ignoreOsSettings?: boolean;
}

/** What the OS settings say, read once per run. */
export type OsProxySettings =
  | { os: 'windows'; internet?: InternetSettings; winHttp?: WinHttpSettings; problems: string[] }
  | { os: 'mac'; scutil?: ScutilProxies; problems: string[] }
  | { os: 'none'; problems: string[] };

export interface ProxyRouter {
  /** The proxy a web request to host:port goes through (or direct), and which setting says so. Only ports 80 and 443. */
  route(host: string, port: number, signal: AbortSignal): Promise<ProxySetting>;
  /** Every source's answer for host:port, for the proxy check's report. */
  explain(host: string, port: number, signal: AbortSignal): Promise<ProxySetting[]>;
}

export function proxyRouter(options: ProxyOptions = {}): ProxyRouter {
  const env = options.env ?? process.env;
  const os = options.os ?? systemOs();
  let settings: Promise<OsProxySettings> | undefined;
  const osSettings = (signal: AbortSignal) =>
    (settings ??= options.ignoreOsSettings ? Promise.resolve({ os: 'none', problems: [] }) : readOsSettings(os, signal));

  const explain = async (host: string, port: number, signal: AbortSignal): Promise<ProxySetting[]> => {
    const answers: ProxySetting[] = [];
    if (options.resolveProxy) {
      const url = `${port === 80 ? 'http' : 'https'}://${host}${port === 80 || port === 443 ? '' : `:${port}`}/`;
      try {
        answers.push(proxyFromPacResult(await options.resolveProxy(url)));
      } catch (error) {
        answers.push({
          kind: 'invalid',
          why: safe`resolveProxy failed (${redactProxyText((error as Error).message)})`,
          source: 'system proxy (resolveProxy)',
        });
      }
    }
    answers.push(...osAnswers(await osSettings(signal), host, port));
    answers.push(proxyFromEnv(env, host, port));
    return answers;
  };
  return {
    explain,
    async route(host, port, signal) {
      // Only web traffic follows the proxy settings, as in Apple's apps: other ports go direct.
      if (port !== 80 && port !== 443) return { kind: 'direct', source: 'not web traffic' };
      return chooseProxy(await explain(host, port, signal));
    },
  };
}

/** The first source that names a usable proxy wins; PAC the CLI cannot evaluate and bad settings go direct. */
export function chooseProxy(answers: readonly ProxySetting[]): ProxySetting {
  return answers.find((answer) => answer.kind === 'proxy') ?? { kind: 'direct', source: answers.map((a) => a.source).join(', ') };
}

function osAnswers(settings: OsProxySettings, host: string, port: number): ProxySetting[] {
  switch (settings.os) {
    case 'windows':
      return [
        ...(settings.internet ? [internetSettingsProxy(settings.internet, host, port)] : []),
        ...(settings.winHttp ? [winHttpProxy(settings.winHttp, host, port)] : []),
      ];
    case 'mac':
      return settings.scutil ? [scutilProxy(settings.scutil, host, port)] : [];
    case 'none':
      return [];
  }
}

async function readOsSettings(os: SystemOs, signal: AbortSignal): Promise<OsProxySettings> {
  if (os === 'windows') {
    const problems: string[] = [];
    // Independent reads: every web check waits for both, so they run side by side.
    const [internet, winhttp] = await Promise.all([
      runCommand(systemCommand('reg'), ['query', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings'], {
        signal,
        timeoutMs: 10_000,
      }),
      runCommand(
        systemCommand('reg'),
        ['query', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections', '/v', 'WinHttpSettings'],
        { signal, timeoutMs: 10_000 },
      ),
    ]);
    const result: OsProxySettings = { os: 'windows', problems };
    if (internet.kind === 'ran' && internet.exitCode === 0) result.internet = internetSettingsFrom(parseRegQuery(internet.stdout));
    else problems.push(`Internet Settings could not be read (${internet.kind === 'cannot-run' ? internet.why : internet.kind})`);
    if (winhttp.kind === 'ran' && winhttp.exitCode === 0) {
      const blob = parseRegQuery(winhttp.stdout).find((value) => value.name === 'WinHttpSettings');
      const decoded = blob ? parseWinHttpSettings(blob.data) : undefined;
      if (decoded) result.winHttp = decoded;
      else problems.push('the WinHTTP setting could not be decoded');
    } else if (winhttp.kind === 'ran') {
      result.winHttp = { bypass: [] }; // never set: direct
    } else problems.push(`WinHTTP settings could not be read (${winhttp.kind === 'cannot-run' ? winhttp.why : winhttp.kind})`);
    return result;
  }
  if (os === 'mac') {
    const printed = await runCommand(systemCommand('scutil'), ['--proxy'], { signal, timeoutMs: 10_000 });
    if (printed.kind === 'ran' && printed.exitCode === 0) return { os: 'mac', scutil: parseScutilProxy(printed.stdout), problems: [] };
    return { os: 'mac', problems: [`scutil --proxy could not run (${printed.kind === 'cannot-run' ? printed.why : printed.kind})`] };
  }
  return { os: 'none', problems: [] };
}
