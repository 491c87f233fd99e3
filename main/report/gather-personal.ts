import os from 'node:os';
import path from 'node:path';
import { withDeadline } from '../platform/deadline';
import { runCommand, type RunCommand } from '../platform/exec';
import { noPersonalValues, type PersonalValues } from '../../app/report/redact/personal-values';

/** What the report needs from the system; injected so tests can plant a computer of their own. */
export interface SystemIdentitySource {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  userInfo(): { username: string; homedir: string };
  hostname(): string;
  networkInterfaces(): NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  run: RunCommand;
}

export function thisSystem(): SystemIdentitySource {
  return {
    platform: process.platform,
    env: process.env,
    userInfo: () => os.userInfo(),
    hostname: () => os.hostname(),
    networkInterfaces: () => os.networkInterfaces(),
    run: runCommand,
  };
}

export interface GatheredPersonal {
  values: PersonalValues;
  /** The names the report shows when the person includes personal details. */
  identity: { computerName?: string; userName?: string };
}

/** Each command that names the Wi-Fi network or the Mac gets this long; the report never waits on them longer. */
const COMMAND_TIMEOUT_MS = 2000;

/**
 * Gathers the values a report must hide on this computer: user and home folder, computer names,
 * addresses and MACs of every interface but loopback, the Wi-Fi network in use. Never throws:
 * whatever cannot be read is left out, and the report's own patterns still apply.
 */
export async function gatherPersonal(source: SystemIdentitySource, signal: AbortSignal): Promise<GatheredPersonal> {
  const values = noPersonalValues();
  const { env } = source;
  let account: { username: string; homedir: string } | undefined;
  try {
    account = source.userInfo();
  } catch {
    account = undefined;
  }
  const homes = [account?.homedir, env['HOME'], env['USERPROFILE']].filter(
    (home): home is string => typeof home === 'string' && home !== '',
  );
  values.homeDirs.push(...homes);
  values.userNames.push(
    ...[account?.username, env['USER'], env['USERNAME'], env['LOGNAME'], ...homes.map(folderName)].filter(
      (name): name is string => typeof name === 'string' && name !== '',
    ),
  );

  let host = '';
  try {
    host = source.hostname();
  } catch {
    host = '';
  }
  values.computerNames.push(...[host, host.split('.')[0], env['COMPUTERNAME'], env['HOSTNAME']].filter((name): name is string => !!name));

  for (const entries of Object.values(source.networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.internal) continue;
      values.addresses.push(entry.address.replace(/%.*$/, ''));
      if (entry.mac && !/^(?:00:){5}00$/.test(entry.mac)) values.macAddresses.push(entry.mac);
    }
  }

  const deadline = withDeadline(signal, COMMAND_TIMEOUT_MS * 2);
  const [wifi, macNames] = await Promise.all([wifiNames(source, deadline), macComputerNames(source, deadline)]);
  values.wifiNames.push(...wifi);
  values.computerNames.push(...macNames);

  const computerName = macNames[0] ?? (env['COMPUTERNAME'] || host || undefined);
  const userName = account?.username || env['USER'] || env['USERNAME'] || undefined;
  return { values, identity: { ...(computerName ? { computerName } : {}), ...(userName ? { userName } : {}) } };
}

function folderName(home: string): string {
  return home.includes('\\') ? path.win32.basename(home) : path.posix.basename(home);
}

/** Windows' folder, from the environment only when it looks like one (a planted SystemRoot must not pick the program). */
function systemRoot(env: NodeJS.ProcessEnv): string {
  const root = env['SystemRoot'] ?? env['SYSTEMROOT'] ?? '';
  return /^[A-Za-z]:\\[^"<>|?*;%]+$/.test(root) ? root : 'C:\\Windows';
}

async function wifiNames(source: SystemIdentitySource, signal: AbortSignal): Promise<string[]> {
  const options = { signal, timeoutMs: COMMAND_TIMEOUT_MS, maxBuffer: 256 * 1024 };
  switch (source.platform) {
    case 'win32': {
      const netsh = path.win32.join(systemRoot(source.env), 'System32', 'netsh.exe');
      const out = await source.run(netsh, ['wlan', 'show', 'interfaces'], options);
      return out.kind === 'ran' ? parseNetshSsids(out.stdout) : [];
    }
    case 'darwin': {
      const ports = await source.run('/usr/sbin/networksetup', ['-listallhardwareports'], options);
      if (ports.kind !== 'ran') return [];
      const names: string[] = [];
      for (const device of parseWifiDevices(ports.stdout)) {
        const out = await source.run('/usr/sbin/networksetup', ['-getairportnetwork', device], options);
        const name = out.kind === 'ran' ? /Current (?:Wi-Fi|AirPort) Network:\s*(.+)$/m.exec(out.stdout)?.[1]?.trim() : undefined;
        if (name) names.push(name);
      }
      return names;
    }
    case 'linux': {
      const out = await source.run('/usr/bin/nmcli', ['-t', '-f', 'ACTIVE,SSID', 'device', 'wifi'], options);
      return out.kind === 'ran' ? parseNmcliSsids(out.stdout) : [];
    }
    default:
      return [];
  }
}

async function macComputerNames(source: SystemIdentitySource, signal: AbortSignal): Promise<string[]> {
  if (source.platform !== 'darwin') return [];
  const names: string[] = [];
  for (const key of ['ComputerName', 'LocalHostName']) {
    const out = await source.run('/usr/sbin/scutil', ['--get', key], { signal, timeoutMs: COMMAND_TIMEOUT_MS, maxBuffer: 64 * 1024 });
    const name = out.kind === 'ran' && out.exitCode === 0 ? out.stdout.trim() : '';
    if (name) names.push(name);
  }
  return names;
}

/** `netsh wlan show interfaces`: "    SSID                   : Home" (the label is the same in every language; BSSID is not it). */
export function parseNetshSsids(text: string): string[] {
  return [...text.matchAll(/^\s*SSID\s*:\s*(.+?)\s*$/gm)].map((match) => match[1] ?? '').filter((name) => name !== '');
}

/** `networksetup -listallhardwareports`: the devices of the "Wi-Fi" (or older "AirPort") port. */
export function parseWifiDevices(text: string): string[] {
  return [...text.matchAll(/Hardware Port:\s*(?:Wi-Fi|AirPort)\s*\r?\nDevice:\s*(\S+)/g)].map((match) => match[1] ?? '').filter(Boolean);
}

/** `nmcli -t -f ACTIVE,SSID device wifi`: "yes:Home" for the network in use (colons in names are escaped "\:"). */
export function parseNmcliSsids(text: string): string[] {
  return text
    .split(/\r?\n/)
    .filter((line) => /^(yes|ja|oui|sí|si):/i.test(line))
    .map((line) =>
      line
        .slice(line.indexOf(':') + 1)
        .replace(/\\:/g, ':')
        .trim(),
    )
    .filter((name) => name !== '');
}
