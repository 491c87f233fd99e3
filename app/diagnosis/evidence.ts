// Reading the checks as evidence: what each failed network check says about the path to Apple.
// Pure: the rules in rules/*.ts ask these questions instead of matching reason strings themselves.
import type { CheckResult, NtpCheck, PortCheck, ServerCheck, SystemCheck } from '../contract/check';

export type NetworkCheck = ServerCheck | PortCheck | NtpCheck;

/** What stopped a network check, in the words the rules reason with. */
export type Obstacle =
  | 'lookup-failed'
  | 'lookup-no-answer'
  | 'name-missing'
  | 'redirected'
  | 'blocked-by-name'
  | 'no-connection'
  | 'intercepted'
  | 'bad-certificate'
  | 'expired-certificate'
  | 'broken-midway'
  | 'proxy-password'
  | 'proxy-refusal'
  | 'sign-in-page'
  | 'no-time-answer'
  | 'clock-skew'
  | 'internal';

/** Addresses that mean "blocked", not "sent elsewhere" (what hosts files and DNS block lists use). */
export function isBlockingAddress(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '::1' || address.startsWith('127.');
}

export function isNetwork(check: CheckResult): check is NetworkCheck {
  return check.kind === 'server' || check.kind === 'port' || check.kind === 'ntp';
}

export function isSystem(check: CheckResult): check is SystemCheck {
  return check.group === 'system';
}

/** A failed or warned network check's obstacle; undefined when the check passed or did not run. */
export function obstacleOf(check: NetworkCheck): Obstacle | undefined {
  if (check.status === 'ok' || check.status === 'skipped') return undefined;
  switch (check.reason) {
    case 'dns-nxdomain':
      return 'name-missing';
    case 'dns-timeout':
      return 'lookup-no-answer';
    case 'dns-failed':
      return 'lookup-failed';
    case 'dns-redirected':
      return check.kind === 'server' && (check.dns?.system ?? []).some(isBlockingAddress) ? 'blocked-by-name' : 'redirected';
    case 'tcp-refused':
    case 'tcp-timeout':
    case 'tcp-unreachable':
      return 'no-connection';
    case 'tls-intercepted':
      return 'intercepted';
    case 'tls-untrusted':
    case 'tls-name-mismatch':
      return 'bad-certificate';
    case 'tls-expired':
      return 'expired-certificate';
    case 'tls-handshake-failed':
    case 'http-error':
      return 'broken-midway';
    case 'http-blocked':
      return check.kind === 'server' ? httpBlockOf(check) : 'proxy-refusal';
    case 'ntp-no-answer':
      return 'no-time-answer';
    case 'clock-skew':
      return 'clock-skew';
    case 'internal-error':
      return 'internal';
    case 'ok':
    case 'not-testable':
    case 'cancelled':
      return undefined;
  }
}

function httpBlockOf(check: ServerCheck): Obstacle {
  const status = check.http?.status;
  if (status === 407 || status === 401) return 'proxy-password';
  if (status !== undefined && status >= 300 && status < 400 && check.http?.location) return 'sign-in-page';
  return 'proxy-refusal';
}

/** Obstacles that mean "could not get there at all", the signature of no connection to the internet. */
export const UNREACHABLE: ReadonlySet<Obstacle> = new Set(['lookup-failed', 'lookup-no-answer', 'no-connection', 'no-time-answer']);

/** The host a network check is about (port checks to a test server name that server). */
export function hostOf(check: NetworkCheck): string | undefined {
  return check.host;
}

/** Unique values in first-seen order. */
export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** "a, b and c" */
export function listWords(items: readonly string[], max = 6): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  const words = more > 0 ? [...shown, `${more} more`] : shown;
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
