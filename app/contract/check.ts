// The shapes every check produces. The CLI's JSON, the IPC events and the report are built from
// these, so a change here is a change to the public contract (bump REPORT_SCHEMA when it breaks).

import type { Finding } from '../diagnosis/finding';
import type { SystemCheckReason } from './system-reasons';

export const REPORT_SCHEMA = 'sync-doctor/report@1';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skipped';

/** Network reasons (Foundation). System checks add theirs to SYSTEM_REASONS. */
export const NETWORK_REASONS = [
  'ok',
  'dns-nxdomain',
  'dns-timeout',
  'dns-failed',
  'dns-redirected',
  'tcp-refused',
  'tcp-timeout',
  'tcp-unreachable',
  'tls-untrusted',
  'tls-intercepted',
  'tls-expired',
  'tls-name-mismatch',
  'tls-handshake-failed',
  'http-blocked',
  'http-error',
  'ntp-no-answer',
  'clock-skew',
  'not-testable',
  'cancelled',
  /** The check itself failed (a bug), not the thing it checks. */
  'internal-error',
] as const;
export type NetworkReason = (typeof NETWORK_REASONS)[number];

export const CHECK_KINDS = [
  'server',
  'port',
  'ntp',
  'process',
  'service',
  'listener',
  'hosts',
  'proxy',
  'firewall',
  'clock',
  'device',
] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** The kinds that test the network; every other kind of CHECK_KINDS is a check of this computer. */
const NETWORK_KINDS = ['server', 'port', 'ntp'] as const satisfies readonly CheckKind[];
type NetworkKind = (typeof NETWORK_KINDS)[number];
export type SystemKind = Exclude<CheckKind, NetworkKind>;
export const SYSTEM_KINDS: readonly SystemKind[] = CHECK_KINDS.filter(
  (kind): kind is SystemKind => !(NETWORK_KINDS as readonly CheckKind[]).includes(kind),
);

export type CheckGroup = 'network' | 'system';

/**
 * How long each layer took, in milliseconds. `dnsMs` covers both DNS answers (the system
 * resolver's and the direct query's); the connection starts on the system's answer, so when the
 * direct query is the slower one the DNS and TCP times overlap by the difference.
 */
export interface Timings {
  dnsMs?: number;
  tcpMs?: number;
  tlsMs?: number;
  httpMs?: number;
  ntpMs?: number;
}

/** State of one layer of a server check, for the per-layer view (DNS, TCP, TLS, HTTP). */
export type LayerState = 'ok' | 'warn' | 'fail' | 'not-run';

export interface Layers {
  dns: LayerState;
  tcp: LayerState;
  tls: LayerState | 'not-applicable';
  http: LayerState;
}

export interface TlsSummary {
  issuer: string;
  subject: string;
  validTo: string;
  /** Whether the system's trust store (plus NODE_EXTRA_CA_CERTS) accepts the chain. */
  trusted: boolean;
  /** Every issuer name in the presented chain, leaf first. */
  chain: string[];
}

interface DnsSummary {
  /** What the system resolver (hosts file, OS settings) gave: what the user's apps get. */
  system: string[];
  /** What a direct DNS query to the configured name servers gave. */
  direct: string[];
}

interface HttpSummary {
  status: number;
  server?: string;
  location?: string;
}

interface CheckBase {
  /** Stable id, unique within a run: "server:gs.apple.com:443". */
  id: string;
  kind: CheckKind;
  group: CheckGroup;
  /** Short name for tables and lists. */
  title: string;
  status: CheckStatus;
  reason: string;
  /** A sentence a person understands. */
  detail: string;
  timings: Timings;
  /** The catalog entry this check comes from: its PlannedCheck's entryId. */
  entryId?: string;
}

export interface ServerCheck extends CheckBase {
  kind: 'server';
  group: 'network';
  reason: NetworkReason;
  host: string;
  port: number;
  protocol: 'tcp';
  /** For a wildcard entry (e.g. "*.mzstatic.com"), the pattern the probed host stands for. */
  pattern?: string;
  purpose: string;
  layers: Layers;
  dns?: DnsSummary;
  tls?: TlsSummary;
  http?: HttpSummary;
  /** The proxy the check went through, when one applied. */
  via?: string;
}

export interface PortCheck extends CheckBase {
  kind: 'port';
  group: 'network';
  reason: NetworkReason;
  host?: string;
  port: number;
  protocol: 'tcp' | 'udp';
  purpose: string;
  /** For a port range, which sample of it this is ("8500 of 8000-8999"). */
  sample?: string;
}

export interface NtpCheck extends CheckBase {
  kind: 'ntp';
  group: 'network';
  reason: NetworkReason;
  host: string;
  port: 123;
  protocol: 'udp';
  /** Local clock minus server clock, in milliseconds (positive: the computer is ahead). */
  offsetMs?: number;
}

/** A check of the user's own computer (processes, services, hosts file...). */
export interface SystemCheck extends CheckBase {
  kind: SystemKind;
  group: 'system';
  reason: SystemCheckReason;
  host?: string;
  port?: number;
  protocol?: 'tcp' | 'udp';
  /** Structured facts a support person or a script can read (pid, path, line number...). */
  facts?: Record<string, string | number | boolean | null>;
}

export type CheckResult = ServerCheck | PortCheck | NtpCheck | SystemCheck;

/** What the runner announces before it starts, so a UI can lay out every row up front. */
export interface PlannedCheck {
  id: string;
  kind: CheckKind;
  group: CheckGroup;
  title: string;
  host?: string;
  port?: number;
  protocol?: 'tcp' | 'udp';
  pattern?: string;
  purpose?: string;
  /**
   * The catalog entry this check comes from (a server, port or process entry's id; `ntp` for the
   * time check), so a screen finds the checks of an entry without reading ids or matching ports.
   * Absent for checks no entry lists (the hosts file, the proxy, the firewall...).
   */
  entryId?: string;
}

export interface Summary {
  ok: number;
  warn: number;
  fail: number;
  skipped: number;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  startedAt: string;
  durationMs: number;
  cancelled: boolean;
  catalog: { version: string; updated: string; source: string };
  platform: { os: string; release: string; arch: string };
  summary: Summary;
  /** In catalog order, whatever order they finished in. */
  checks: CheckResult[];
  /** What the checks mean, one finding per cause, most likely first (app/diagnosis). An added field: still report@1. */
  findings?: Finding[];
}

/** A report without its checks: how the run as a whole went. */
export type ReportHeader = Omit<Report, 'checks'>;

/**
 * What a run says as it goes: run-started first, then for every planned check exactly one
 * check-started and, later, its one check-result (a check cancelled before it ran included),
 * and run-finished last. The check-result events are the one copy of each result: run-finished
 * carries only the report's header, and a listener that wants the whole report puts the results
 * it was sent in plan order (the engine's own caller gets the full Report back).
 */
export type RunEvent =
  | { type: 'run-started'; runId: string; startedAt: string; planned: PlannedCheck[] }
  | { type: 'check-started'; runId: string; checkId: string }
  | { type: 'check-result'; runId: string; result: CheckResult }
  | { type: 'run-finished'; runId: string; header: ReportHeader };

export function summarize(checks: readonly CheckResult[]): Summary {
  const summary: Summary = { ok: 0, warn: 0, fail: 0, skipped: 0 };
  for (const check of checks) summary[check.status] += 1;
  return summary;
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
