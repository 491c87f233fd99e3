import { describe, expect, it } from 'vitest';
import type { CheckResult, ServerCheck } from '../contract/check';
import { diagnose } from './diagnose';
import type { FindingId } from './finding';
import { failAt, healthyChecks, intercepted, plus, systemCheck, withChecks } from './fixtures/runs';

const problems = (checks: CheckResult[]) => diagnose(checks).filter((finding) => finding.severity !== 'info');
const first = (checks: CheckResult[]) => diagnose(checks)[0];
const ids = (checks: CheckResult[]) => diagnose(checks).map((finding) => finding.id);

const networkIds = (checks: CheckResult[]) =>
  checks.filter((check) => check.group === 'network' && check.status !== 'skipped').map((check) => check.id);

describe('diagnose: healthy runs', () => {
  it('finds nothing in a healthy run', () => {
    expect(diagnose(healthyChecks())).toEqual([]);
  });

  it('finds nothing wrong behind a proxy that works', () => {
    const checks = healthyChecks().map((check) => (check.kind === 'server' ? { ...check, via: 'proxy.example:3128' } : check));
    const proxied = withChecks(checks, {
      'proxy:https': {
        reason: 'proxy-in-use',
        detail: 'Apple traffic goes through the proxy proxy.example:3128.',
        facts: { proxy: 'proxy.example:3128', source: 'environment' },
      },
    });
    expect(problems(proxied)).toEqual([]);
  });
});

describe('diagnose: one cause, one finding', () => {
  it('no internet at all (no DNS answers) is one finding, not forty', () => {
    const checks = healthyChecks().map((check) =>
      check.group === 'network' && check.status === 'ok'
        ? ({ ...check, ...(check.kind === 'ntp' ? { status: 'fail', reason: 'ntp-no-answer' } : failAt.dnsTimeout) } as CheckResult)
        : check,
    );
    const findings = diagnose(checks);
    expect(findings.map((finding) => finding.id)).toEqual(['no-internet']);
    expect(findings[0]!.detail).toMatch(/name lookup/);
    expect(findings[0]!.checks).toEqual(networkIds(checks));
  });

  it('every connection dropped while names resolve is no internet too, and says so', () => {
    const checks = healthyChecks().map((check) =>
      check.group === 'network' && check.status === 'ok'
        ? ({ ...check, ...(check.kind === 'ntp' ? { status: 'fail', reason: 'ntp-no-answer' } : failAt.timeout) } as CheckResult)
        : check,
    );
    expect(ids(checks)).toEqual(['no-internet']);
    expect(first(checks)!.detail).toMatch(/firewall blocks all outgoing traffic/);
  });

  it('the same interceptor on six hosts is one https-inspection naming all six and the product', () => {
    const hosts = ['updates.cdn-apple.com', 'mesu.apple.com', 'albert.apple.com', 'gs.apple.com', 'itunes.apple.com', 'a3.mzstatic.com'];
    const edits = Object.fromEntries(hosts.map((host) => [`server:${host}:443`, intercepted()]));
    const checks = plus(
      withChecks(healthyChecks(), edits),
      systemCheck('firewall:products', 'firewall', 'warn', 'security-product', 'Security software is active: Contoso Web Shield.', {
        facts: { product: 'Contoso Web Shield', products: 'Contoso Web Shield' },
      }),
    );
    const findings = diagnose(checks);
    expect(findings.map((finding) => finding.id)).toEqual(['https-inspection']);
    const [inspection] = findings;
    expect(inspection!.subject.hosts).toEqual(
      hosts
        .slice()
        .sort((a, b) => checks.findIndex((c) => c.id === `server:${a}:443`) - checks.findIndex((c) => c.id === `server:${b}:443`)),
    );
    expect(inspection!.detail).toContain('Contoso Web Shield Root CA (Contoso Security)');
    expect(inspection!.steps.windows[0]).toContain('In Contoso Web Shield');
    expect(inspection!.checks).toContain('firewall:products');
  });
});

const hostsEntry = systemCheck(
  'hosts:apple',
  'hosts',
  'fail',
  'hosts-entry',
  'The hosts file /etc/hosts changes where Apple\'s servers are: line 3 ("74.208.105.171 gs.apple.com") sends gs.apple.com to 74.208.105.171. Remove these lines.',
  {
    facts: { host: 'gs.apple.com', line: 3 },
  },
);
const redirected: Partial<ServerCheck> = {
  status: 'fail',
  reason: 'dns-redirected',
  detail:
    'This computer sends gs.apple.com to 74.208.105.171, but the name servers say 17.1.1.1. The hosts file /etc/hosts does it, line 3: "74.208.105.171 gs.apple.com".',
  dns: { system: ['74.208.105.171'], direct: ['17.1.1.1'] },
  layers: { dns: 'warn', tcp: 'fail', tls: 'not-run', http: 'not-run' },
};

interface Case {
  name: string;
  checks: () => CheckResult[];
  expected: FindingId;
  evidence: string[];
  detail?: RegExp;
}

const cases: Case[] = [
  {
    name: 'a hosts-file line sending gs.apple.com elsewhere',
    checks: () =>
      plus(withChecks(healthyChecks(), { 'server:gs.apple.com:80': redirected, 'server:gs.apple.com:443': redirected }), hostsEntry),
    expected: 'hosts-file-redirect',
    evidence: ['server:gs.apple.com:80', 'server:gs.apple.com:443', 'hosts:apple'],
    detail: /74\.208\.105\.171 gs\.apple\.com/,
  },
  {
    name: 'a DNS block list answering 0.0.0.0 with a clean hosts file',
    checks: () =>
      withChecks(healthyChecks(), {
        'server:xp.apple.com:443': {
          ...redirected,
          detail: 'xp.apple.com is blocked on this computer.',
          dns: { system: ['0.0.0.0'], direct: ['0.0.0.0'] },
        },
      }),
    expected: 'dns-filter',
    evidence: ['server:xp.apple.com:443'],
    detail: /0\.0\.0\.0/,
  },
  {
    name: 'a name Apple uses that does not exist while others resolve',
    checks: () =>
      withChecks(healthyChecks(), {
        'server:itunes.apple.com:443': { status: 'fail', reason: 'dns-nxdomain', detail: 'itunes.apple.com does not exist.' },
      }),
    expected: 'dns-filter',
    evidence: ['server:itunes.apple.com:443'],
  },
  {
    name: 'a proxy asking for a password',
    checks: () =>
      withChecks(healthyChecks(), {
        'server:gs.apple.com:443': {
          status: 'fail',
          reason: 'http-blocked',
          detail: 'Proxy wants a password.',
          http: { status: 407 },
          via: 'proxy:3128',
        },
      }),
    expected: 'proxy-needs-password',
    evidence: ['server:gs.apple.com:443'],
  },
  {
    name: 'a proxy refusing Apple with its own page',
    checks: () =>
      withChecks(healthyChecks(), {
        'server:mesu.apple.com:443': {
          status: 'fail',
          reason: 'http-blocked',
          detail: 'Refused by squid.',
          http: { status: 403, server: 'squid/5.7' },
          via: 'proxy:3128',
        },
      }),
    expected: 'proxy-blocks-apple',
    evidence: ['server:mesu.apple.com:443'],
    detail: /squid/,
  },
  {
    name: 'a sign-in page in the way',
    checks: () =>
      withChecks(healthyChecks(), {
        'server:captive.apple.com:80': {
          status: 'fail',
          reason: 'http-blocked',
          detail: 'Sent to a portal.',
          http: { status: 302, location: 'http://login.portal.example/' },
        },
      }),
    expected: 'network-sign-in',
    evidence: ['server:captive.apple.com:80'],
    detail: /login\.portal\.example/,
  },
  {
    name: 'a proxy that does not answer',
    checks: () =>
      withChecks(
        healthyChecks().map((check) => (check.kind === 'server' ? { ...check, via: 'proxy.example:3128' } : check)),
        {
          'proxy:https': {
            status: 'fail',
            reason: 'proxy-unreachable',
            detail: 'The proxy refuses connections.',
            facts: { proxy: 'proxy.example:3128', source: 'WinHTTP' },
          },
          'server:gs.apple.com:443': failAt.refused,
        },
      ),
    expected: 'proxy-unreachable',
    evidence: ['server:gs.apple.com:443', 'proxy:https'],
    detail: /proxy\.example:3128/,
  },
  {
    name: 'a clock three hours off, with the certificates it makes look expired',
    checks: () =>
      withChecks(healthyChecks(), {
        'ntp:time.apple.com': {
          status: 'fail',
          reason: 'clock-skew',
          detail: "This computer's clock is 3.0 hours ahead of Apple's time server. A clock that far off breaks things.",
        },
        'clock:offset': { status: 'fail', reason: 'clock-skew', detail: "This computer's clock is 3.0 hours ahead." },
        'server:albert.apple.com:443': { status: 'fail', reason: 'tls-expired', detail: 'The certificate has expired.' },
      }),
    expected: 'clock-wrong',
    evidence: ['server:albert.apple.com:443', 'ntp:time.apple.com', 'clock:offset'],
    detail: /3\.0 hours ahead/,
  },
  {
    name: 'an untrusted certificate',
    checks: () =>
      withChecks(healthyChecks(), { 'server:a3.mzstatic.com:443': { status: 'fail', reason: 'tls-untrusted', detail: 'Not trusted.' } }),
    expected: 'certificate-problem',
    evidence: ['server:a3.mzstatic.com:443'],
  },
  {
    name: 'a connection that opens and then says nothing',
    checks: () =>
      withChecks(healthyChecks(), {
        'server:mesu.apple.com:443': { status: 'fail', reason: 'tls-handshake-failed', detail: 'Never completed.' },
      }),
    expected: 'connections-broken',
    evidence: ['server:mesu.apple.com:443'],
  },
  {
    name: 'push blocked on 5223',
    checks: () => withChecks(healthyChecks(), { 'server:courier.push.apple.com:5223': failAt.timeout }),
    expected: 'push-port-blocked',
    evidence: ['server:courier.push.apple.com:5223'],
  },
  {
    name: 'servers dropped by a firewall',
    checks: () =>
      withChecks(healthyChecks(), {
        'server:appldnld.apple.com:443': failAt.timeout,
        'server:configuration.apple.com:443': failAt.refused,
      }),
    expected: 'firewall-blocks-apple',
    evidence: ['server:appldnld.apple.com:443', 'server:configuration.apple.com:443'],
  },
  {
    name: 'a time server that does not answer',
    checks: () => withChecks(healthyChecks(), { 'ntp:time.apple.com': { status: 'fail', reason: 'ntp-no-answer', detail: 'No answer.' } }),
    expected: 'time-server-blocked',
    evidence: ['ntp:time.apple.com'],
  },
  {
    name: 'outgoing media ports blocked',
    checks: () => withChecks(healthyChecks(), { 'port:portquiz.net:554': failAt.timeout, 'port:portquiz.net:5224': failAt.timeout }),
    expected: 'outbound-ports-blocked',
    evidence: ['port:portquiz.net:554', 'port:portquiz.net:5224'],
  },
  {
    name: 'Apple Mobile Device Service stopped (Windows)',
    checks: () =>
      plus(
        healthyChecks(),
        systemCheck('service:mobile-device', 'service', 'fail', 'service-stopped', 'The "Apple Mobile Device Service" service is stopped.'),
      ),
    expected: 'device-service-not-running',
    evidence: ['service:mobile-device'],
  },
  {
    name: 'nothing listening on 27015 (Windows)',
    checks: () =>
      withChecks(healthyChecks(), {
        'listener:tcp:27015': { status: 'fail', reason: 'port-not-listening', detail: 'Nothing listens on 127.0.0.1:27015.' },
      }),
    expected: 'device-service-not-running',
    evidence: ['listener:tcp:27015'],
  },
  {
    name: 'Apple Mobile Device Service not installed',
    checks: () =>
      plus(
        healthyChecks(),
        systemCheck('service:mobile-device', 'service', 'fail', 'service-missing', 'Apple Mobile Device Service is not installed.'),
      ),
    expected: 'device-service-missing',
    evidence: ['service:mobile-device'],
  },
  {
    name: 'neither iTunes nor Apple Devices installed',
    checks: () =>
      plus(
        healthyChecks(),
        systemCheck('service:edition', 'service', 'fail', 'software-missing', 'Neither iTunes nor Apple Devices is installed.'),
      ),
    expected: 'apple-software-missing',
    evidence: ['service:edition'],
  },
  {
    name: 'another program on 27015',
    checks: () =>
      withChecks(healthyChecks(), {
        'listener:tcp:27015': { status: 'fail', reason: 'port-held', detail: '27015 is held by game.exe (pid 77).', port: 27015 },
      }),
    expected: 'port-27015-held',
    evidence: ['listener:tcp:27015'],
    detail: /game\.exe/,
  },
  {
    name: 'another program on 3689',
    checks: () =>
      withChecks(healthyChecks(), {
        'listener:tcp:3689': { status: 'warn', reason: 'port-held', detail: '3689 is held by other.exe.', port: 3689 },
      }),
    expected: 'local-port-held',
    evidence: ['listener:tcp:3689'],
  },
  {
    name: 'Bonjour stopped',
    checks: () =>
      plus(
        healthyChecks(),
        systemCheck('service:bonjour', 'service', 'warn', 'service-stopped', 'The "Bonjour Service" service is stopped.'),
      ),
    expected: 'bonjour-not-running',
    evidence: ['service:bonjour'],
  },
  {
    name: 'a sync helper not running',
    checks: () =>
      withChecks(healthyChecks(), {
        'process:helpers': { status: 'warn', reason: 'process-missing', detail: 'AppleMobileSync.exe is not running.' },
      }),
    expected: 'apple-helper-not-running',
    evidence: ['process:helpers'],
  },
  {
    name: 'no device seen',
    checks: () =>
      plus(healthyChecks(), systemCheck('device:usbmux', 'device', 'warn', 'device-none', 'The device service sees no device.')),
    expected: 'device-not-seen',
    evidence: ['device:usbmux'],
  },
  {
    name: 'a device that does not trust this computer',
    checks: () =>
      plus(
        healthyChecks(),
        systemCheck('device:usbmux', 'device', 'warn', 'device-not-trusted', 'iPhone (…4X7Q) does not trust this computer.'),
      ),
    expected: 'device-not-trusted',
    evidence: ['device:usbmux'],
    detail: /0xE8000015/,
  },
  {
    name: 'the usbmux service not answering',
    checks: () =>
      plus(
        healthyChecks(),
        systemCheck('device:usbmux', 'device', 'fail', 'device-service-unreachable', 'Nothing listens on /var/run/usbmuxd.'),
      ),
    expected: 'device-service-not-running',
    evidence: ['device:usbmux'],
  },
  {
    name: 'the Apple USB driver broken',
    checks: () =>
      plus(
        healthyChecks(),
        systemCheck('device:usb-driver', 'device', 'fail', 'device-driver-problem', 'Apple Mobile Device USB Driver: code 28.'),
      ),
    expected: 'device-driver-problem',
    evidence: ['device:usb-driver'],
  },
  {
    name: 'nothing Apple on the USB bus',
    checks: () =>
      plus(healthyChecks(), systemCheck('device:usb-bus', 'device', 'warn', 'device-not-on-usb', 'No Apple device on the USB bus.')),
    expected: 'device-cable-or-port',
    evidence: ['device:usb-bus'],
  },
  {
    name: 'nothing on the bus and so nothing seen: one cause, one finding',
    checks: () =>
      plus(
        healthyChecks(),
        systemCheck('device:usbmux', 'device', 'warn', 'device-none', 'The device service sees no device.'),
        systemCheck('device:usb-bus', 'device', 'warn', 'device-not-on-usb', 'No Apple device on the USB bus.'),
      ),
    expected: 'device-cable-or-port',
    evidence: ['device:usbmux', 'device:usb-bus'],
  },
  {
    name: 'a hosts file that cannot be read',
    checks: () =>
      withChecks(healthyChecks(), {
        'hosts:apple': { status: 'warn', reason: 'hosts-unreadable', detail: 'Could not look for Apple entries.' },
      }),
    expected: 'hosts-file-unreadable',
    evidence: ['hosts:apple'],
  },
  {
    name: 'a check that could not run',
    checks: () => plus(healthyChecks(), systemCheck('firewall:system', 'firewall', 'warn', 'cannot-run', 'PowerShell is missing.')),
    expected: 'checks-incomplete',
    evidence: ['firewall:system'],
  },
  {
    name: 'security software and nothing wrong',
    checks: () =>
      plus(
        healthyChecks(),
        systemCheck('firewall:products', 'firewall', 'warn', 'security-product', 'Active: Norton.', { facts: { products: 'Norton 360' } }),
      ),
    expected: 'security-software-present',
    evidence: ['firewall:products'],
    detail: /Norton 360/,
  },
  {
    name: 'a firewall that is off',
    checks: () =>
      plus(healthyChecks(), systemCheck('firewall:system', 'firewall', 'ok', 'firewall-off', 'Windows Firewall is off in every profile.')),
    expected: 'firewall-off',
    evidence: ['firewall:system'],
  },
];

describe('diagnose: each rule', () => {
  it.each(cases)('$name → $expected first', ({ checks, expected, evidence, detail }) => {
    const run = checks();
    const found = first(run);
    expect(found?.id).toBe(expected);
    expect([...found!.checks].sort()).toEqual([...evidence].sort());
    if (detail) expect(found!.detail).toMatch(detail);
    expect(found!.steps.windows.length + found!.steps.mac.length).toBeGreaterThan(0);
  });

  it('a firewall rule that blocks Apple raises the firewall finding to high confidence', () => {
    const base = withChecks(healthyChecks(), { 'server:appldnld.apple.com:443': failAt.timeout });
    expect(first(base)!.confidence).toBe('low');
    const ruled = plus(
      base,
      systemCheck('firewall:system', 'firewall', 'fail', 'firewall-blocks', 'Rule "Block iTunes" blocks iTunes.exe.'),
    );
    expect(first(ruled)).toMatchObject({ id: 'firewall-blocks-apple', confidence: 'high' });
    expect(first(ruled)!.detail).toContain('Block iTunes');
  });

  it('a proxy from WinHTTP offers the WinHTTP reset as a fix', () => {
    const run = cases.find((c) => c.expected === 'proxy-unreachable')!.checks();
    expect(first(run)!.fixes).toContain('reset-winhttp-proxy');
  });

  it('lists the error codes a finding explains, from the error-code data', () => {
    const run = cases[0]!.checks();
    expect(first(run)!.errorCodes).toEqual(expect.arrayContaining(['3194', '1013']));
  });
});

describe('diagnose: order', () => {
  it('puts the finding that explains the most failures first', () => {
    const run = plus(
      withChecks(healthyChecks(), {
        'server:gs.apple.com:80': redirected,
        'server:gs.apple.com:443': redirected,
        'server:courier.push.apple.com:5223': failAt.timeout,
      }),
      hostsEntry,
    );
    expect(ids(run)).toEqual(['hosts-file-redirect', 'push-port-blocked']);
  });

  it('puts problems before warnings and notes', () => {
    const run = plus(
      withChecks(healthyChecks(), {
        'port:portquiz.net:554': failAt.timeout,
        'port:portquiz.net:5224': failAt.timeout,
        'port:portquiz.net:8000': failAt.timeout,
        'server:mesu.apple.com:443': intercepted(),
      }),
      systemCheck('firewall:system', 'firewall', 'ok', 'firewall-off', 'Off.'),
    );
    expect(ids(run)).toEqual(['https-inspection', 'outbound-ports-blocked', 'firewall-off']);
  });
});
