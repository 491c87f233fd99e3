// Small helpers the rules share: picking network checks by obstacle and naming what they touch.
import type { CheckResult, SystemCheck } from '../../contract/check';
import type { SystemReason } from '../../contract/system-reasons';
import { isNetwork, obstacleOf, unique, type NetworkCheck, type Obstacle } from '../evidence';
import type { ManualSteps, Symptom } from '../finding';
import type { RuleContext } from '../rule';

export const NETWORK_SYMPTOMS: Symptom[] = ['update-error', 'store-wont-connect', 'sync-fails'];
export const DEVICE_SYMPTOMS: Symptom[] = ['device-not-recognized', 'sync-fails'];

/** Open (unexplained) network checks whose obstacle is one of `obstacles`. */
export function openNetwork(context: RuleContext, ...obstacles: Obstacle[]): NetworkCheck[] {
  const wanted = new Set(obstacles);
  return context.open().filter((check): check is NetworkCheck => isNetwork(check) && wanted.has(obstacleOf(check)!));
}

export function hostsOf(checks: readonly CheckResult[]): string[] {
  return unique(checks.flatMap((check) => (check.kind === 'server' || check.kind === 'ntp' ? [check.host] : [])));
}

export function portsOf(checks: readonly CheckResult[]): number[] {
  return unique(checks.flatMap((check) => (check.kind === 'port' ? [check.port] : [])));
}

export function ids(checks: readonly CheckResult[]): string[] {
  return checks.map((check) => check.id);
}

/** What a system check can say: its own reasons and the shared ones. */
export type SystemCheckReason = SystemReason | 'ok' | 'cancelled' | 'clock-skew';

/** The system check with this id, if it ran with one of these reasons. */
export function systemCheck(context: RuleContext, id: string, ...reasons: SystemCheckReason[]): SystemCheck | undefined {
  const check = context.byId(id);
  return check && check.group === 'system' && (reasons as string[]).includes(check.reason) ? (check as SystemCheck) : undefined;
}

/** Open system checks of a kind with one of these reasons. */
export function openSystem(context: RuleContext, kind: SystemCheck['kind'], ...reasons: SystemCheckReason[]): SystemCheck[] {
  return context
    .open()
    .filter(
      (check): check is SystemCheck => check.kind === kind && check.group === 'system' && (reasons as string[]).includes(check.reason),
    );
}

export function fact(check: SystemCheck | undefined, key: string): string | undefined {
  const value = check?.facts?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Security products the firewall checks named (Windows Security Center, running processes). */
export function productsNamed(context: RuleContext): string[] {
  const products = context.checks.flatMap((check) => {
    if (check.group !== 'system' || check.reason !== 'security-product') return [];
    const listed = fact(check, 'products') ?? fact(check, 'product');
    return listed ? listed.split(';').map((name) => name.trim().replace(/\s*\(.*\)$/, '')) : [];
  });
  return unique(products.filter(Boolean));
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Steps that read the same on Windows and on a Mac. */
export function sameSteps(...lines: string[]): ManualSteps {
  return { windows: lines, mac: lines };
}
