// The rules in the order they claim evidence: root causes before the symptoms they produce.
// Ranking (diagnose.ts) is separate: it puts the finding that explains most failures first.
import type { Rule } from '../rule';
import { connectionsBroken, certificateProblem, httpsInspection } from './certificates';
import { firewallBlocksApple, outboundPortsBlocked, pushPortBlocked } from './blocking';
import { clockWrong, timeServerBlocked } from './clock';
import { checksIncomplete, firewallOff, hostsFileUnreadable, securitySoftwarePresent } from './computer';
import {
  appleHelperNotRunning,
  appleSoftwareMissing,
  bonjourNotRunning,
  deviceCableOrPort,
  deviceDriverProblem,
  deviceNotSeen,
  deviceNotTrusted,
  deviceServiceMissing,
  deviceServiceNotRunning,
  localPortHeld,
  port27015Held,
} from './device';
import { dnsFilter, dnsLookupsFailing, hostsFileRedirect } from './names';
import { networkSignIn, proxyBlocksApple, proxyNeedsPassword, proxySettingsUnusable, proxyUnreachable } from './proxy';
import { noInternet } from './reachability';

export const RULES: readonly Rule[] = [
  proxyUnreachable,
  noInternet,
  proxyNeedsPassword,
  proxyBlocksApple,
  networkSignIn,
  proxySettingsUnusable,
  hostsFileRedirect,
  dnsFilter,
  dnsLookupsFailing,
  clockWrong,
  httpsInspection,
  certificateProblem,
  pushPortBlocked,
  connectionsBroken,
  firewallBlocksApple,
  timeServerBlocked,
  outboundPortsBlocked,
  appleSoftwareMissing,
  deviceServiceMissing,
  port27015Held,
  deviceServiceNotRunning,
  deviceDriverProblem,
  deviceCableOrPort,
  deviceNotTrusted,
  deviceNotSeen,
  bonjourNotRunning,
  appleHelperNotRunning,
  localPortHeld,
  hostsFileUnreadable,
  checksIncomplete,
  securitySoftwarePresent,
  firewallOff,
];
