// What the secure connections met: an inspecting product re-signing them, a certificate that is
// wrong, or a connection that opens and then breaks.
import type { ServerCheck } from '../../contract/check';
import { listWords, unique } from '../evidence';
import type { Rule, RuleContext } from '../rule';
import { hostsOf, ids, NETWORK_SYMPTOMS, openNetwork, productsNamed, sameSteps } from './shared';

const APPLE_DOMAINS = '*.apple.com, *.cdn-apple.com, *.mzstatic.com and *.itunes.apple.com';

function securityProductEvidence(context: RuleContext): string[] {
  return context.checks.filter((check) => check.group === 'system' && check.reason === 'security-product').map((check) => check.id);
}

export const httpsInspection: Rule = (context) => {
  const intercepted = openNetwork(context, 'intercepted');
  if (intercepted.length === 0) return undefined;
  const issuers = unique(intercepted.flatMap((check) => ((check as ServerCheck).tls?.issuer ? [(check as ServerCheck).tls!.issuer] : [])));
  const products = productsNamed(context);
  const who = products.length > 0 ? listWords(products) : 'your security software or proxy';
  return {
    id: 'https-inspection',
    title: "Something on this computer or network opens Apple's secure connections",
    detail: `The secure connections to ${listWords(hostsOf(intercepted))} carry a certificate from ${listWords(issuers.map((issuer) => `"${issuer}"`)) || 'an unexpected issuer'} instead of Apple's. That is HTTPS inspection${products.length > 0 ? ` (security software found: ${listWords(products)})` : ' by security software or a company proxy'}; Apple's apps refuse such connections, so updates, restores and the store fail.`,
    confidence: 'high',
    checks: [...ids(intercepted), ...securityProductEvidence(context)],
    severity: 'fail',
    symptoms: NETWORK_SYMPTOMS,
    fixes: ['open-security-settings'],
    steps: {
      windows: [
        `In ${who}, turn off HTTPS (SSL/TLS) scanning for ${APPLE_DOMAINS}, or add iTunes and Apple Devices to its exclusions.`,
        "On a company computer, ask IT to exempt those domains from the proxy's HTTPS inspection.",
      ],
      mac: [
        `In ${who}, turn off HTTPS (SSL/TLS) scanning for ${APPLE_DOMAINS}, or add Finder/Music/Apple Devices to its exclusions.`,
        "On a company Mac, ask IT to exempt those domains from the proxy's HTTPS inspection.",
      ],
    },
    subject: { hosts: hostsOf(intercepted), issuers, ...(products.length > 0 ? { products } : {}) },
  };
};

export const certificateProblem: Rule = (context) => {
  const bad = openNetwork(context, 'bad-certificate', 'expired-certificate');
  if (bad.length === 0) return undefined;
  const what = unique(
    bad.map((check) =>
      check.reason === 'tls-expired'
        ? 'expired'
        : check.reason === 'tls-name-mismatch'
          ? 'made out to a different name'
          : 'not trusted by this computer',
    ),
  );
  return {
    id: 'certificate-problem',
    title: "Apple's servers show a certificate this computer does not accept",
    detail: `The certificate of ${listWords(hostsOf(bad))} is ${listWords(what)}. Either something between this computer and Apple answers in Apple's place, or this computer's list of trusted certificate authorities is out of date.`,
    confidence: 'medium',
    checks: ids(bad),
    symptoms: NETWORK_SYMPTOMS,
    fixes: [],
    steps: {
      windows: [
        'Install the latest Windows updates (they renew the trusted certificate authorities), then check again.',
        'Try another network (a phone hotspot): if the problem goes away, the network is the cause.',
      ],
      mac: [
        'Install the latest macOS updates (they renew the trusted certificate authorities), then check again.',
        'Try another network (a phone hotspot): if the problem goes away, the network is the cause.',
      ],
    },
    subject: { hosts: hostsOf(bad) },
  };
};

export const connectionsBroken: Rule = (context) => {
  const broken = openNetwork(context, 'broken-midway');
  if (broken.length === 0) return undefined;
  return {
    id: 'connections-broken',
    title: 'Connections to Apple open, then break',
    detail: `${listWords(hostsOf(broken))} accepted the connection, but then sent nothing usable or nothing at all. A firewall, security product or proxy that inspects traffic often does this.`,
    confidence: 'medium',
    checks: ids(broken),
    symptoms: NETWORK_SYMPTOMS,
    fixes: ['open-security-settings'],
    steps: sameSteps(
      "Pause your security software's web protection or firewall for a moment and check again; if it passes, add an exception for " +
        APPLE_DOMAINS +
        '.',
    ),
    subject: { hosts: hostsOf(broken) },
  };
};
