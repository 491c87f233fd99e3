// Reason codes of the checks of the user's own computer (the system kinds of CHECK_KINDS). They
// sit beside NETWORK_REASONS; system checks also use the shared ones below.

import type { NetworkReason } from './check';

export const SYSTEM_REASON_MEANINGS = {
  'not-applicable': 'The check has no meaning on this operating system (e.g. Windows services on Linux).',
  'cannot-run': 'The command or file the check needs is missing or refused here; the check could not look.',
  'output-not-understood': 'The command ran but its output could not be read; the raw problem is in the detail.',
  'timed-out': 'The check did not finish before its deadline.',
  'process-missing': 'An Apple helper process that matters for the device or sync is not running.',
  'process-optional-missing': 'A helper needed only with a sync option (Outlook, iCloud...) or in the background is not running.',
  'service-stopped': 'An Apple service is installed but not running (or set to disabled).',
  'service-missing': 'An Apple service is not installed.',
  'software-missing': 'Neither iTunes nor the Apple Devices app is installed.',
  'port-held': 'A local port Apple software needs is held by another program (named in the detail).',
  'port-not-listening': 'Nothing listens where an Apple service should (127.0.0.1:27015 on Windows).',
  'hosts-entry': 'The hosts file redirects or blocks an Apple or catalog host (gs.apple.com: error 3194).',
  'hosts-unreadable': 'The hosts file could not be read.',
  'hosts-malformed': 'The hosts file has malformed lines, an odd encoding or an unusual size; it was read anyway.',
  'proxy-in-use': 'A proxy applies to Apple traffic; the network checks went through it.',
  'proxy-pac': 'A proxy auto-configuration (PAC) script is set and could not be evaluated here.',
  'proxy-invalid': 'A proxy setting exists but cannot be understood or used (bad address, SOCKS, HTTPS proxy).',
  'proxy-unreachable': 'The proxy the settings name does not accept connections.',
  'firewall-blocks': 'A firewall rule or setting blocks Apple software (or all incoming connections).',
  'firewall-off': 'The system firewall is off (not a sync problem, reported for completeness).',
  'security-product': 'Third-party security software is installed or active; it often interferes (named in the detail).',
  'clock-unknown': 'The clock could not be compared with a time server.',
  'device-none':
    'The device service answers but sees no iPhone, iPad or iPod: unlock it, tap Trust, try another cable and a port on the computer itself, no hub.',
  'device-not-trusted':
    'A device is seen but this computer holds no pairing record for it: it does not trust this computer yet (unlock it and tap Trust; error 0xE8000015).',
  'device-service-unreachable':
    'Nothing listens where the device service should (Apple Mobile Device Service or the Apple Devices app on Windows, usbmuxd on macOS and Linux).',
  'device-driver-problem':
    'An Apple device (vendor 05AC) is connected but Windows reports a problem with its driver (Apple Mobile Device USB driver).',
  'device-not-on-usb': 'The device service lists no device and no Apple device is on the USB bus at all: the cable or the port.',
} as const;

export type SystemReason = keyof typeof SYSTEM_REASON_MEANINGS;
export const SYSTEM_REASONS = Object.keys(SYSTEM_REASON_MEANINGS) as SystemReason[];

/** Reasons of NETWORK_REASONS that a check of this computer may give too. */
export const SHARED_REASONS = ['ok', 'cancelled', 'clock-skew', 'internal-error'] as const satisfies readonly NetworkReason[];

/** Every reason a SystemCheck may carry. */
export type SystemCheckReason = SystemReason | (typeof SHARED_REASONS)[number];
export const SYSTEM_CHECK_REASONS: readonly SystemCheckReason[] = [...SHARED_REASONS, ...SYSTEM_REASONS];
