import { describe, expect, it } from 'vitest';
import { noPersonalValues, type PersonalValues } from './personal-values';
import { PlaceholderBook } from './placeholders';
import { createTextRedactor } from './text-redactor';

function redactor(known: Partial<PersonalValues> = {}, options: { keep?: string[]; includePersonal?: boolean } = {}) {
  const book = new PlaceholderBook();
  const redact = createTextRedactor(
    { includePersonal: options.includePersonal ?? false, known: { ...noPersonalValues(), ...known }, keep: options.keep ?? [] },
    book,
  );
  return { redact, book };
}

const ALICE: Partial<PersonalValues> = { userNames: ['alice'], homeDirs: ['C:\\Users\\alice'], computerNames: ['ALICE-PC'] };

describe('home folders and user names', () => {
  it.each([
    ['C:\\Users\\alice\\AppData\\Local\\x.log', '~\\AppData\\Local\\x.log'],
    ['c:/users/Alice/Desktop', '~/Desktop'],
    ['"C:\\\\Users\\\\alice\\\\hosts"', '"~\\\\hosts"'],
    ['file:///C:/Users/alice/catalog.json', 'file:///~/catalog.json'],
    ['C%3A%5CUsers%5Calice%5Cx', '~%5Cx'],
    ['/Users/alice/Library/Logs', '~/Library/Logs'],
    ['/home/alice/.config/x', '~/.config/x'],
    ['%2Fhome%2Falice%2Fx', '~%2Fx'],
  ])('%s becomes %s', (text, expected) => {
    expect(redactor(ALICE).redact(text)).toBe(expected);
  });

  it("hides any user's home folder by its shape, and leaves the shared ones", () => {
    const { redact } = redactor();
    expect(redact('/Users/bob/Library and C:\\Users\\carol\\x')).toBe('~/Library and ~\\x');
    expect(redact('/Users/Shared/x and C:\\Users\\Public\\Documents')).toBe('/Users/Shared/x and C:\\Users\\Public\\Documents');
  });

  it('gives the same value the same placeholder, and another value the next one', () => {
    const { redact, book } = redactor({ userNames: ['alice', 'bob'] });
    expect(redact('alice, Bob and ALICE')).toBe('[user-1], [user-2] and [user-1]');
    expect(redact('bob again')).toBe('[user-2] again');
    expect(book.hidden()).toEqual([
      { kind: 'user-name', placeholder: '[user-1]', count: 2 },
      { kind: 'user-name', placeholder: '[user-2]', count: 2 },
    ]);
  });

  it('takes whole words only, and never a generic account such as root', () => {
    const { redact } = redactor({ userNames: ['al', 'ann', 'root'] });
    expect(redact('all annual anne: ann, al')).toBe('all annual anne: [user-1], al');
    expect(redact('DigiCert Global Root G2')).toBe('DigiCert Global Root G2');
  });

  it('prefers the longer name: the computer "alice-pc" over the user "alice"', () => {
    expect(redactor(ALICE).redact('alice-pc.local (alice)')).toBe('[computer-1].local ([user-1])');
  });
});

describe('devices, serials, e-mail, MAC addresses, Wi-Fi', () => {
  it('hides device names as Apple writes them, not the vendor', () => {
    const { redact } = redactor();
    expect(redact("Alice's iPhone and Alice Smith’s iPad (2) are connected")).toBe('[device-1] and [device-2] are connected');
    expect(redact("Apple's servers refuse this Mac's connection")).toBe("Apple's servers refuse this Mac's connection");
  });

  it('keeps the last four characters of serials, UDIDs, ECIDs and IMEIs', () => {
    const { redact } = redactor();
    expect(redact('Serial Number: F2LXK0ABCD12, UDID=00008030-001A2C3E0E8A802E')).toBe('Serial Number: [serial …CD12], UDID=[UDID …802E]');
    expect(redact('ECID 0x1A2B3C4D5E6F7, IMEI: 356938035643809')).toBe('ECID [ECID …E6F7], IMEI: [IMEI …3809]');
    expect(redact('device 2f3c0e1b7d6a5f4e3c2b1a0f9e8d7c6b5a4f3e2d')).toBe('device [UDID …3e2d]');
    expect(redact('serial numbers are hidden')).toBe('serial numbers are hidden');
  });

  it('hides a serial number standing alone by its shape, and not what only looks a little like one', () => {
    const { redact } = redactor();
    expect(redact("line 3: Alice's iPhone F2LXK0ABCD12 H4X7KQ9PLM")).toBe('line 3: [device-1] [serial …CD12] [serial …9PLM]');
    const text = 'KB5034441 10.0.22631 ALICE-LAPTOP2024 {3F2504E0-4F89-11D3-9A0C-0305E82C3301} AMPDEVICESAGENT E8000015';
    expect(redact(text)).toBe(text);
  });

  it('hides a known serial wherever it is', () => {
    expect(redactor({ serials: ['C39XK0ABCD12'] }).redact('seen C39XK0ABCD12')).toBe('seen [serial …CD12]');
  });

  it('hides e-mail addresses and MAC addresses, one placeholder per address in any spelling', () => {
    const { redact } = redactor();
    expect(redact('alice.smith+sync@example.co.uk wrote')).toBe('[email-1] wrote');
    expect(redact('aa:bb:cc:0d:ee:ff, AA-BB-CC-0D-EE-FF, aabb.cc0d.eeff')).toBe('[mac-1], [mac-1], [mac-1]');
    expect(redact('no MAC in 12:30:45 or 2026-12-02')).toBe('no MAC in 12:30:45 or 2026-12-02');
  });

  it('hides Wi-Fi names, labelled or known', () => {
    const { redact } = redactor({ wifiNames: ['Smith Family 5G'] });
    expect(redact('SSID : Alice Home\nBSSID : 00:11:22:33:44:55')).toBe('SSID : [wifi-1]\nBSSID : [mac-1]');
    expect(redact('joined Smith Family 5G')).toBe('joined [wifi-2]');
  });
});

describe('addresses', () => {
  it("hides this computer's private and link-local addresses, IPv4 and IPv6", () => {
    const { redact } = redactor();
    expect(redact('192.168.1.20, 10.0.0.5:3128, 172.20.1.1/16, 169.254.3.4, 100.72.0.9')).toBe(
      '[private-ip-1], [private-ip-2]:3128, [private-ip-3]/16, [link-local-ip-1], [private-ip-4]',
    );
    expect(redact('fe80::1c2b:3aff:fe4d:5e6f%en0 and fd12:3456::1 and ::ffff:192.168.1.20')).toBe(
      '[link-local-ipv6-1] and [private-ipv6-1] and [private-ip-1]',
    );
  });

  it('finds an address at the end of a sentence', () => {
    expect(redactor().redact('Listening on fe80::1. Gateway 192.168.1.1.')).toBe(
      'Listening on [link-local-ipv6-1]. Gateway [private-ip-1].',
    );
  });

  it('leaves public, loopback, unspecified and benchmark addresses, versions and times', () => {
    const text = '17.253.144.10 198.18.0.5 127.0.0.1:27015 0.0.0.0 ::1 2a01:b740::1 10.0.22631 12:30:45 1.2.3.4.5';
    expect(redactor().redact(text)).toBe(text);
  });

  it("hides this computer's own public address when the system named it", () => {
    expect(redactor({ addresses: ['203.0.113.7'] }).redact('from 203.0.113.7')).toBe('from [this-computer-ip-1]');
  });
});

describe('what is never hidden', () => {
  it('keeps catalog hosts, their addresses and issuers, even when a personal name is part of them', () => {
    const { redact } = redactor(
      { userNames: ['apple', 'test'], computerNames: ['mzstatic'], homeDirs: ['/home/apple'] },
      { keep: ['gs.apple.com', '*.mzstatic.com', 'mzstatic.com', 'Sync Doctor Test', '192.168.5.5'] },
    );
    expect(redact('gs.apple.com resolves to 192.168.5.5 (hosts file); issuer Sync Doctor Test; a3.mzstatic.com')).toBe(
      'gs.apple.com resolves to 192.168.5.5 (hosts file); issuer Sync Doctor Test; a3.mzstatic.com',
    );
    expect(redact('/home/apple/hosts: apple, test')).toBe('~/hosts: [user-1], [user-2]');
  });
});

describe('proxy credentials', () => {
  it.each([
    ['https_proxy=http://user:pa/ss@proxy.corp:8080', 'https_proxy=http://[credentials]@proxy.corp:8080'],
    ['"http://bob:p@ss#1?x@10.1.2.3:3128" is not a URL', '"http://[credentials]@10.1.2.3:3128" is not a URL'],
    ['http://bob:two words@proxy.corp:3128 failed', 'http://[credentials]@proxy.corp:3128 failed'],
    ['socks5://alice@proxy.corp', 'socks5://[credentials]@proxy.corp'],
    ['ProxyServer=jdoe:secret@proxy.corp:8080;', 'ProxyServer=[credentials]@proxy.corp:8080;'],
    ['password=hunter2, Proxy-Authorization: Basic YWxpY2U6cHc=', 'password=[credentials], Proxy-Authorization: [credentials]'],
  ])('%s', (text, expected) => {
    expect(redactor({}, { includePersonal: true }).redact(text)).toBe(expected);
  });

  it('are removed with personal details hidden too, and nothing else changes when they are included', () => {
    const text = 'http://alice:pw@192.168.1.2:8080 from ALICE-PC';
    expect(redactor(ALICE, { includePersonal: true }).redact(text)).toBe('http://[credentials]@192.168.1.2:8080 from ALICE-PC');
    expect(redactor(ALICE).redact(text)).toBe('http://[credentials]@[private-ip-1]:8080 from [computer-1]');
  });
});

describe('values under a personal key', () => {
  it('are hidden whole, whatever they look like', () => {
    const { redact } = redactor();
    expect(redact('Living Room', 'ssid')).toBe('[wifi-1]');
    expect(redact('ABCD', 'serialNumber')).toBe('[serial …ABCD]');
    expect(redact('Kitchen iPad', 'deviceName')).toBe('[device-1]');
    expect(redact('SYSTEM', 'user')).toBe('SYSTEM');
  });
});
