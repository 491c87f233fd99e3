// The shape of a diagnosis: one finding per cause, most likely first. The CLI's JSON, the wizard,
// the fixes and the support report all read these, so ids are public: add new ones, never rename.

/** Stable finding ids that admins script against (documented in the README). */
export const FINDING_IDS = [
  'no-internet',
  'firewall-blocks-apple',
  'https-inspection',
  'hosts-file-redirect',
  'dns-filter',
  'dns-lookups-failing',
  'proxy-needs-password',
  'proxy-blocks-apple',
  'proxy-unreachable',
  'proxy-settings-unusable',
  'network-sign-in',
  'certificate-problem',
  'connections-broken',
  'clock-wrong',
  'time-server-blocked',
  'push-port-blocked',
  'outbound-ports-blocked',
  'device-service-not-running',
  'device-service-missing',
  'apple-software-missing',
  'apple-helper-not-running',
  'port-27015-held',
  'local-port-held',
  'bonjour-not-running',
  'device-not-seen',
  'device-not-trusted',
  'device-driver-problem',
  'device-cable-or-port',
  'hosts-file-unreadable',
  'checks-incomplete',
  'security-software-present',
  'firewall-off',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

export type FindingSeverity = 'fail' | 'warn' | 'info';
export type Confidence = 'high' | 'medium' | 'low';

/** What the person says is happening (the wizard's first question); findings say which they explain. */
export const SYMPTOMS = ['device-not-recognized', 'sync-fails', 'update-error', 'store-wont-connect'] as const;
export type Symptom = (typeof SYMPTOMS)[number];

/** Safe fixes a program can apply (main/fixes); a finding lists the ones that answer it. */
export const FIX_IDS = [
  'remove-hosts-redirects',
  'flush-dns',
  'restart-device-service',
  'start-bonjour',
  'reset-winhttp-proxy',
  'sync-clock',
  'open-firewall-settings',
  'open-proxy-settings',
  'open-date-time-settings',
  'open-security-settings',
  'open-network-settings',
] as const;
export type FixId = (typeof FIX_IDS)[number];

/** Manual steps a person follows, per desktop OS. */
export interface ManualSteps {
  windows: string[];
  mac: string[];
}

/** What a finding is about, for scripts and for the fixes: never personal data. */
export interface FindingSubject {
  /** Catalog hosts affected, in catalog order. */
  hosts?: string[];
  /** Ports affected (outbound or local). */
  ports?: number[];
  /** Certificate issuers met instead of the expected ones. */
  issuers?: string[];
  /** Security or firewall products named by the checks. */
  products?: string[];
}

export interface Finding {
  id: FindingId;
  severity: FindingSeverity;
  /** One line in plain words: what is wrong. */
  title: string;
  /** What was found: hosts and ports, the product or issuer, the hosts-file line, the proxy... */
  detail: string;
  confidence: Confidence;
  /** Ids of the checks that are its evidence, in report order. */
  checks: string[];
  /** Error codes this cause can produce (as written in app/catalog/error-codes.json). */
  errorCodes: string[];
  symptoms: Symptom[];
  fixes: FixId[];
  steps: ManualSteps;
  subject: FindingSubject;
}
