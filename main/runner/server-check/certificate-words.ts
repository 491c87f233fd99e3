import type { CertificateFacts, TlsJudgement } from '../../probes/tls';
import type { Stopped } from './ending';
import type { ServerTarget } from './target';

/** What the report says of a certificate that is not the genuine one, and what it was, in a sentence. */
export function certificateProblem(
  target: ServerTarget,
  judgement: Exclude<TlsJudgement, { kind: 'ok' }>,
  cert: CertificateFacts,
): Stopped {
  const { host } = target;
  const stop = { kind: 'stopped', at: 'tls', status: 'fail' } as const;
  switch (judgement.kind) {
    case 'intercepted':
      return {
        ...stop,
        reason: 'tls-intercepted',
        detail: `The secure connection to ${host} is intercepted: its certificate comes from "${judgement.issuer}", not from Apple. Security software or a proxy is inspecting the traffic${judgement.trusted ? ' with its own certificate authority installed on this computer' : ''}; Apple's apps refuse such connections. Exclude Apple's servers from HTTPS scanning.`,
        met: `A server there presented a certificate from "${judgement.issuer}", not from one of ${host}'s issuers.`,
      };
    case 'expired':
      return {
        ...stop,
        reason: 'tls-expired',
        detail: `The certificate presented for ${host} expired on ${judgement.validTo || 'an earlier date'}. If this computer's clock is wrong, fix it; otherwise something in between serves an old certificate.`,
        met: `A server there presented a certificate that expired on ${judgement.validTo || 'an earlier date'}.`,
      };
    case 'name-mismatch':
      return {
        ...stop,
        reason: 'tls-name-mismatch',
        detail: `The certificate presented for ${host} is for a different name: the connection reached the wrong server (a redirect, a filter or a captive portal).`,
        met: `A server there answered with a certificate for ${cert.subject || 'another name'}, so it is not ${host}.`,
      };
    case 'untrusted':
      return {
        ...stop,
        reason: 'tls-untrusted',
        detail: `The certificate presented for ${host} is not trusted by this computer (${judgement.error}).`,
        met: `A server there presented a certificate this computer does not trust (${judgement.error}).`,
      };
  }
}
