// For tests and benchmarks only: runs in the contract's shapes with personal data planted
// everywhere it can appear, so a test can say "none of it is in the report".

import { summarize, type CheckResult, type Report, type ServerCheck, type SystemCheck } from '../contract/check';
import type { Finding } from '../diagnosis/finding';
import type { FixAttempt } from './fix-attempt';
import { noPersonalValues, type PersonalValues } from './redact/personal-values';

export const PLANTED = {
  user: 'alicesmith',
  home: 'C:\\Users\\alicesmith',
  computer: 'ALICE-LAPTOP',
  computerLower: 'alice-laptop',
  proxyUser: 'bobproxy',
  proxyPassword: 'pa/ss#w0rd',
  device: "Alice's iPhone",
  serial: 'F2LXK0ABCD12',
  udid: '00008030-001A2C3E0E8A802E',
  mac: 'a4:83:e7:12:34:56',
  lan: '192.168.77.23',
  lanV6: 'fe80::a683:e7ff:fe12:3456',
  wifi: 'Smith Family 5G',
  email: 'alice.smith@example.com',
} as const;

/** Everything planted that must not appear in a redacted report (the proxy password: in none at all). */
export const PLANTED_SECRETS: readonly string[] = [
  PLANTED.user,
  PLANTED.computer,
  PLANTED.computerLower,
  PLANTED.proxyUser,
  PLANTED.proxyPassword,
  'pa/ss',
  PLANTED.device,
  'Alice',
  PLANTED.serial,
  PLANTED.udid,
  PLANTED.mac,
  PLANTED.mac.toUpperCase().replace(/:/g, '-'),
  PLANTED.lan,
  PLANTED.lanV6,
  PLANTED.wifi,
  PLANTED.email,
];

/** What the main process would gather on that computer. */
export function plantedPersonalValues(): PersonalValues {
  return {
    ...noPersonalValues(),
    userNames: [PLANTED.user],
    homeDirs: [PLANTED.home],
    computerNames: [PLANTED.computer, `${PLANTED.computerLower}.local`],
    addresses: [PLANTED.lan, PLANTED.lanV6],
    macAddresses: [PLANTED.mac],
    wifiNames: [PLANTED.wifi],
  };
}

export function server(host: string, port: number, overrides: Partial<ServerCheck> = {}): ServerCheck {
  return {
    id: `server:${host}:${port}`,
    kind: 'server',
    group: 'network',
    title: `${host}:${port}`,
    host,
    port,
    protocol: 'tcp',
    purpose: `Purpose of ${host}`,
    status: 'ok',
    reason: 'ok',
    detail:
      port === 443 ? `Reachable: ${host} answered through TLS with a certificate from Apple.` : `Reachable: ${host} answered over HTTP.`,
    timings: port === 443 ? { dnsMs: 41, tcpMs: 12, tlsMs: 63, httpMs: 44 } : { dnsMs: 41, tcpMs: 12, httpMs: 44 },
    layers: { dns: 'ok', tcp: 'ok', tls: port === 443 ? 'ok' : 'not-applicable', http: 'ok' },
    dns: { system: ['17.253.144.10'], direct: ['17.253.144.10'] },
    ...(port === 443
      ? {
          tls: {
            issuer: 'Apple Public Server RSA CA 12 - G1',
            subject: host,
            validTo: '2027-06-01',
            trusted: true,
            chain: ['Apple Public Server RSA CA 12 - G1', 'DigiCert Global Root G2'],
          },
        }
      : {}),
    ...overrides,
  };
}

function system(id: string, kind: SystemCheck['kind'], title: string, overrides: Partial<SystemCheck>): SystemCheck {
  return { id, kind, group: 'system', title, status: 'ok', reason: 'ok', detail: '', timings: {}, ...overrides };
}

/** A run on a Windows laptop with a redirecting hosts file, an inspecting proxy and a broken proxy setting. */
export function plantedChecks(): CheckResult[] {
  const hostsFile = `${PLANTED.home}\\hosts-test`;
  return [
    server('gs.apple.com', 443, {
      status: 'fail',
      reason: 'dns-redirected',
      detail: `gs.apple.com resolves to 74.208.105.171 on this computer (hosts file ${hostsFile}), but to 17.253.144.10 for the name servers.`,
      layers: { dns: 'fail', tcp: 'ok', tls: 'fail', http: 'not-run' },
      dns: { system: ['74.208.105.171'], direct: ['17.253.144.10'] },
    }),
    server('gs.apple.com', 80),
    server('a3.mzstatic.com', 443, {
      pattern: '*.mzstatic.com',
      status: 'fail',
      reason: 'tls-intercepted',
      detail: 'a3.mzstatic.com answered with a certificate from "Contoso Web Shield Root", not from Apple: HTTPS inspection.',
      tls: {
        issuer: 'Contoso Web Shield Root',
        subject: 'a3.mzstatic.com',
        validTo: '2027-01-01',
        trusted: true,
        chain: ['Contoso Web Shield Root'],
      },
      via: `http://${PLANTED.lan}:3128`,
    }),
    server('mesu.apple.com', 443),
    {
      id: 'port:tcp:5223',
      kind: 'port',
      group: 'network',
      title: 'TCP 5223',
      host: 'courier.push.apple.com',
      port: 5223,
      protocol: 'tcp',
      purpose: 'Push notifications',
      status: 'warn',
      reason: 'tcp-timeout',
      detail: `No answer from courier.push.apple.com on 5223 (from ${PLANTED.lan} via gateway 192.168.77.1).`,
      timings: { dnsMs: 40, tcpMs: 3000 },
    },
    {
      id: 'ntp:time.apple.com',
      kind: 'ntp',
      group: 'network',
      title: 'time.apple.com (NTP)',
      host: 'time.apple.com',
      port: 123,
      protocol: 'udp',
      status: 'ok',
      reason: 'ok',
      detail: 'The clock is 0.2 s off.',
      timings: { dnsMs: 40, ntpMs: 35 },
      offsetMs: 210,
    },
    system('hosts:file', 'hosts', 'Hosts file', {
      status: 'warn',
      reason: 'hosts-malformed',
      detail: `The hosts file ${hostsFile} was read, but: line 7 is not understood: "${PLANTED.device} ${PLANTED.serial}".`,
      facts: { file: hostsFile, firstMalformedLine: 7, firstMalformedText: `${PLANTED.device} ${PLANTED.serial} ${PLANTED.udid}` },
    }),
    system('hosts:apple', 'hosts', 'Apple entries in the hosts file', {
      status: 'fail',
      reason: 'hosts-entry',
      detail: `The hosts file ${hostsFile} changes where Apple's servers are: line 3 "74.208.105.171 gs.apple.com # added by ${PLANTED.user}".`,
      facts: { file: hostsFile, findings: 1, line: 3 },
    }),
    system('proxy:https', 'proxy', 'Proxy for secure web traffic', {
      host: 'gs.apple.com',
      port: 443,
      protocol: 'tcp',
      status: 'warn',
      reason: 'proxy-invalid',
      detail: `A proxy setting (https_proxy) cannot be used: "http://${PLANTED.proxyUser}:${PLANTED.proxyPassword}@${PLANTED.lan}:3128" is not a valid URL. The checks went direct.`,
      facts: {
        settings: `https_proxy: unusable (http://${PLANTED.proxyUser}:${PLANTED.proxyPassword}@${PLANTED.lan}:3128)`,
        proxy: null,
        source: null,
      },
    }),
    system('listener:udp:5353', 'listener', 'UDP 5353 (Bonjour)', {
      port: 5353,
      protocol: 'udp',
      detail: `mDNSResponder listens on ${PLANTED.lan}:5353 and [${PLANTED.lanV6}%wlan0]:5353.`,
      facts: {
        address: `${PLANTED.lan}:5353`,
        program: `${PLANTED.home}\\AppData\\Local\\Bonjour\\mDNSResponder.exe`,
        pid: 4242,
        user: PLANTED.user,
      },
    }),
    system('firewall:system', 'firewall', 'Windows Firewall', {
      detail: `Private profile on (network "${PLANTED.wifi}", adapter ${PLANTED.mac.toUpperCase().replace(/:/g, '-')}). SSID: ${PLANTED.wifi}`,
      facts: { ssid: PLANTED.wifi, bssid: 'a4:83:e7:aa:bb:cc' },
    }),
    system('service:edition', 'service', 'Apple device software', {
      detail: 'Installed: iTunes from the Microsoft Store.',
      facts: { editions: 'iTunes from the Microsoft Store', desktopItunes: null, storePackages: 'AppleInc.iTunes 12.13.2.3' },
    }),
    system('service:mobile-device', 'service', 'Apple Mobile Device Service', {
      detail: `The service runs as ${PLANTED.computer}\\${PLANTED.user}; last device: ${PLANTED.device} (serial ${PLANTED.serial}); contact ${PLANTED.email}.`,
      facts: {
        service: 'Apple Mobile Device Service',
        state: 'RUNNING',
        deviceName: PLANTED.device,
        serialNumber: PLANTED.serial,
        computerName: PLANTED.computer,
      },
    }),
  ];
}

export function plantedFindings(): Finding[] {
  return [
    {
      id: 'hosts-file-redirect',
      severity: 'fail',
      title: 'The hosts file sends gs.apple.com elsewhere',
      detail: `Line 3 of ${PLANTED.home}\\hosts-test sends gs.apple.com to 74.208.105.171 (added by ${PLANTED.user} on ${PLANTED.computer}).`,
      confidence: 'high',
      checks: ['hosts:apple', 'server:gs.apple.com:443'],
      errorCodes: ['3194', '1013'],
      symptoms: ['update-error'],
      fixes: ['remove-hosts-redirects', 'flush-dns'],
      steps: {
        windows: ['Open Notepad as administrator.', 'Remove the gs.apple.com line from the hosts file.'],
        mac: ['Edit /etc/hosts with sudo.'],
      },
      subject: { hosts: ['gs.apple.com'] },
    },
    {
      id: 'https-inspection',
      severity: 'fail',
      title: 'Security software inspects Apple’s secure connections',
      detail: `Contoso Web Shield Root replaces Apple's certificate for a3.mzstatic.com on ${PLANTED.device}'s computer.`,
      confidence: 'medium',
      checks: ['server:a3.mzstatic.com:443'],
      errorCodes: ['9808'],
      symptoms: ['store-wont-connect'],
      fixes: ['open-security-settings'],
      steps: { windows: ['Exclude *.apple.com and *.mzstatic.com from HTTPS scanning in Contoso Web Shield.'], mac: [] },
      subject: { hosts: ['a3.mzstatic.com'], issuers: ['Contoso Web Shield Root'], products: ['Contoso Web Shield'] },
    },
  ];
}

export function plantedFixes(): FixAttempt[] {
  return [
    {
      fixId: 'remove-hosts-redirects',
      findingId: 'hosts-file-redirect',
      startedAt: '2026-12-02T10:02:00.000Z',
      commands: [
        `copy ${PLANTED.home}\\hosts-test ${PLANTED.home}\\hosts-test.bak-20261202`,
        `remove line 3: 74.208.105.171 gs.apple.com # added by ${PLANTED.user}`,
      ],
      outcome: 'fixed',
      rechecks: [
        { checkId: 'hosts:apple', before: 'fail', after: 'ok' },
        { checkId: 'server:gs.apple.com:443', before: 'fail', after: 'ok' },
      ],
    },
  ];
}

export function plantedReport(): Report {
  const checks = plantedChecks();
  return {
    schema: 'sync-doctor/report@1',
    startedAt: '2026-12-02T09:53:47.120Z',
    durationMs: 4230,
    cancelled: false,
    catalog: { version: '2026.11.25', updated: '2026-11-25', source: `${PLANTED.home}\\AppData\\Roaming\\Sync Doctor\\catalog.json` },
    platform: { os: 'win32', release: '10.0.22631', arch: 'x64' },
    summary: summarize(checks),
    checks,
    findings: plantedFindings(),
  };
}

/** A report with `count` checks (the built-in catalog's size is about 60), for limits and benchmarks. */
export function largeReport(count: number, detailLength = 160): Report {
  const checks: CheckResult[] = [];
  for (let index = 0; index < count; index += 1) {
    const status = index % 9 === 0 ? 'fail' : index % 5 === 0 ? 'warn' : 'ok';
    checks.push(
      server(`host${index}.apple.com`, 443, {
        status,
        reason: status === 'ok' ? 'ok' : 'tcp-timeout',
        detail: `Check ${index}: ${'details of what was seen on the way, '.repeat(Math.ceil(detailLength / 37)).slice(0, detailLength)}`,
      }),
    );
  }
  return { ...plantedReport(), checks, summary: summarize(checks), findings: plantedFindings() };
}
