import { describe, expect, it } from 'vitest';
import type { CommandOutcome, RunCommand } from '../platform/exec';
import { gatherPersonal, parseNetshSsids, parseNmcliSsids, parseWifiDevices, type SystemIdentitySource } from './gather-personal';

function source(platform: NodeJS.Platform, answers: Record<string, CommandOutcome> = {}, calls: string[][] = []): SystemIdentitySource {
  const run: RunCommand = (file, args) => {
    calls.push([file, ...args]);
    return Promise.resolve(answers[[file, ...args].join(' ')] ?? { kind: 'cannot-run', why: `${file} is not installed` });
  };
  return {
    platform,
    env: { USERNAME: 'alice', USERPROFILE: 'C:\\Users\\alice.CONTOSO', COMPUTERNAME: 'ALICE-PC', SystemRoot: 'C:\\Windows' },
    userInfo: () => ({ username: 'alice', homedir: 'C:\\Users\\alice.CONTOSO' }),
    hostname: () => 'alice-pc.contoso.local',
    networkInterfaces: () => ({
      lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: null }],
      wlan0: [
        { address: '192.168.1.20', netmask: '255.255.255.0', family: 'IPv4', mac: 'a4:83:e7:12:34:56', internal: false, cidr: null },
        {
          address: 'fe80::1%wlan0',
          netmask: 'ffff:ffff:ffff:ffff::',
          family: 'IPv6',
          mac: 'a4:83:e7:12:34:56',
          internal: false,
          cidr: null,
          scopeid: 3,
        },
      ],
    }),
    run,
  };
}

const ran = (stdout: string): CommandOutcome => ({ kind: 'ran', stdout, stderr: '', exitCode: 0 });

describe('gathering what a report must hide on this computer', () => {
  it('takes the account, the environment, the home folder, the host names and every interface but loopback', async () => {
    const calls: string[][] = [];
    const gathered = await gatherPersonal(
      source(
        'win32',
        {
          'C:\\Windows\\System32\\netsh.exe wlan show interfaces': ran(
            '    SSID                   : Smith Family 5G\r\n    BSSID                  : a4:83:e7:aa:bb:cc\r\n',
          ),
        },
        calls,
      ),
      new AbortController().signal,
    );
    expect(gathered.values.userNames).toEqual(expect.arrayContaining(['alice', 'alice.CONTOSO']));
    expect(gathered.values.homeDirs).toContain('C:\\Users\\alice.CONTOSO');
    expect(gathered.values.computerNames).toEqual(expect.arrayContaining(['alice-pc.contoso.local', 'alice-pc', 'ALICE-PC']));
    expect(gathered.values.addresses).toEqual(['192.168.1.20', 'fe80::1']);
    expect(gathered.values.macAddresses).toContain('a4:83:e7:12:34:56');
    expect(gathered.values.wifiNames).toEqual(['Smith Family 5G']);
    expect(gathered.identity).toEqual({ computerName: 'ALICE-PC', userName: 'alice' });
    // The absolute path, never a bare "netsh" that Windows would look for in the current folder first.
    expect(calls).toEqual([['C:\\Windows\\System32\\netsh.exe', 'wlan', 'show', 'interfaces']]);
  });

  it('does not take netsh from a SystemRoot that is not a Windows folder', async () => {
    const calls: string[][] = [];
    const planted = source('win32', {}, calls);
    planted.env['SystemRoot'] = '\\\\evil\\share';
    await gatherPersonal(planted, new AbortController().signal);
    expect(calls[0]?.[0]).toBe('C:\\Windows\\System32\\netsh.exe');
  });

  it('asks a Mac for its Wi-Fi network and its names, and goes on when a command is missing', async () => {
    const gathered = await gatherPersonal(
      source('darwin', {
        '/usr/sbin/networksetup -listallhardwareports': ran('Hardware Port: Ethernet\nDevice: en1\n\nHardware Port: Wi-Fi\nDevice: en0\n'),
        '/usr/sbin/networksetup -getairportnetwork en0': ran('Current Wi-Fi Network: Alice’s Hotspot\n'),
        '/usr/sbin/scutil --get ComputerName': ran("Alice's MacBook Pro\n"),
      }),
      new AbortController().signal,
    );
    expect(gathered.values.wifiNames).toEqual(['Alice’s Hotspot']);
    expect(gathered.values.computerNames).toContain("Alice's MacBook Pro");
    expect(gathered.identity.computerName).toBe("Alice's MacBook Pro");
  });

  it('survives a system that refuses everything', async () => {
    const broken = source('linux');
    broken.userInfo = () => {
      throw new Error('no passwd entry');
    };
    broken.hostname = () => {
      throw new Error('no hostname');
    };
    broken.env = {};
    const gathered = await gatherPersonal(broken, new AbortController().signal);
    expect(gathered.identity).toEqual({});
    expect(gathered.values.userNames).toEqual([]);
  });
});

describe('the Wi-Fi parsers', () => {
  it('read netsh, networksetup and nmcli', () => {
    expect(parseNetshSsids('    Name : Wi-Fi\n    SSID : Home\n    BSSID : 00:11:22:33:44:55\n')).toEqual(['Home']);
    expect(parseWifiDevices('Hardware Port: AirPort\nDevice: en1\n')).toEqual(['en1']);
    expect(parseNmcliSsids('no:Neighbour\nyes:Home\\: upstairs\n')).toEqual(['Home: upstairs']);
  });
});
