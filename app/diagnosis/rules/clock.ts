// The clock: a computer whose clock is off fails every secure connection, so this rule runs
// before the certificate rules and claims the "expired" certificates a wrong clock produces.
import { listWords } from '../evidence';
import type { Rule } from '../rule';
import { hostsOf, ids, NETWORK_SYMPTOMS, openNetwork, openSystem, sameSteps } from './shared';

export const clockWrong: Rule = (context) => {
  const skew = [...openNetwork(context, 'clock-skew'), ...openSystem(context, 'clock', 'clock-skew')];
  if (skew.length === 0) return undefined;
  const expired = openNetwork(context, 'expired-certificate');
  const said = skew.find((check) => check.kind === 'ntp') ?? skew[0]!;
  return {
    id: 'clock-wrong',
    title: "This computer's clock is wrong",
    detail: `${said.detail.replace(/ A clock that far off.*$/, '').replace(/ Secure connections.*$/, '')} Secure connections check dates, so a wrong clock makes Apple's certificates look expired or not yet valid${expired.length > 0 ? ` (as it did for ${listWords(hostsOf(expired))})` : ''}.`,
    confidence: 'high',
    checks: [...ids(skew), ...ids(expired)],
    symptoms: NETWORK_SYMPTOMS,
    fixes: ['sync-clock', 'open-date-time-settings'],
    steps: {
      windows: [
        'Open Settings > Time & language > Date & time, turn on "Set time automatically" and "Set time zone automatically", then click "Sync now".',
      ],
      mac: ['Open System Settings > General > Date & Time and turn on "Set time and date automatically".'],
    },
    subject: { hosts: hostsOf(skew) },
  };
};

export const timeServerBlocked: Rule = (context) => {
  const silent = openNetwork(context, 'no-time-answer');
  if (silent.length === 0) return undefined;
  // The clock check could not compare either: the same silence, not a second problem.
  const unknown = openSystem(context, 'clock', 'clock-unknown');
  return {
    id: 'time-server-blocked',
    title: "Apple's time server does not answer",
    detail: `${listWords(hostsOf(silent))} did not answer on UDP port 123, so the clock could not be compared. A firewall that blocks outgoing UDP 123 does this; the clock itself may be fine.`,
    confidence: 'medium',
    checks: [...ids(silent), ...ids(unknown)],
    severity: 'warn',
    symptoms: NETWORK_SYMPTOMS,
    fixes: ['open-firewall-settings'],
    steps: sameSteps('Allow outgoing UDP port 123 (time) in your firewall or security software, or ask your IT department.'),
    subject: { hosts: hostsOf(silent), ports: [123] },
  };
};
