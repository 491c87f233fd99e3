// Proxy findings: the proxy is down, wants a password, or refuses Apple's servers; or the network
// wants a sign-in first. They run first: behind a proxy, every other failure is what the proxy did.
import { listWords } from '../evidence';
import type { Rule } from '../rule';
import { fact, hostsOf, ids, NETWORK_SYMPTOMS, openNetwork, openSystem, systemCheck } from './shared';

const PROXY_CHECKS = ['proxy:https', 'proxy:http'];

function proxyInUse(context: Parameters<Rule>[0]): { label?: string; source?: string; winhttp: boolean } {
  for (const id of PROXY_CHECKS) {
    const check = systemCheck(context, id, 'proxy-in-use', 'proxy-unreachable');
    const label = fact(check, 'proxy');
    if (label) {
      const source = fact(check, 'source');
      return { label, ...(source ? { source } : {}), winhttp: /winhttp/i.test(source ?? '') };
    }
  }
  return { winhttp: false };
}

const proxySteps = {
  windows: [
    'Open Settings > Network & internet > Proxy and check the proxy address, or ask your IT department which proxy to use.',
    'If your company requires the proxy, ask IT to allow *.apple.com, *.cdn-apple.com, *.mzstatic.com and *.itunes.apple.com without HTTPS inspection.',
  ],
  mac: [
    'Open System Settings > Network > your connection > Details > Proxies and check the proxy address, or ask your IT department.',
    'If your company requires the proxy, ask IT to allow *.apple.com, *.cdn-apple.com, *.mzstatic.com and *.itunes.apple.com without HTTPS inspection.',
  ],
};

export const proxyUnreachable: Rule = (context) => {
  const evidence = PROXY_CHECKS.map((id) => systemCheck(context, id, 'proxy-unreachable')).filter((check) => check !== undefined);
  const behind = openNetwork(context, 'no-connection', 'broken-midway').filter(
    (check) => check.kind === 'server' && check.via !== undefined,
  );
  // Without the proxy check (--only network): every check that went through the proxy failed to connect.
  const throughProxy = context.checks.filter((check) => check.kind === 'server' && check.via !== undefined && check.status !== 'skipped');
  const allBehindFailed = behind.length > 0 && behind.length === throughProxy.length;
  if (evidence.length === 0 && !allBehindFailed) return undefined;
  const via = behind.flatMap((check) => (check.kind === 'server' && check.via ? [check.via] : []))[0];
  const proxy = { ...proxyInUse(context) };
  if (!proxy.label && via) proxy.label = via;
  return {
    id: 'proxy-unreachable',
    title: 'The proxy this computer is set to use does not answer',
    detail: `Apple's traffic is sent to the proxy ${proxy.label ?? 'named in the settings'}${proxy.source ? ` (from ${proxy.source})` : ''}, and it does not accept connections${behind.length > 0 ? `, so ${listWords(hostsOf(behind))} could not be reached` : ''}. Correct or remove the proxy setting.`,
    confidence: evidence.length > 0 ? 'high' : 'medium',
    checks: [...ids(evidence), ...ids(behind)],
    symptoms: NETWORK_SYMPTOMS,
    fixes: proxy.winhttp ? ['reset-winhttp-proxy', 'open-proxy-settings'] : ['open-proxy-settings'],
    steps: proxySteps,
    subject: { hosts: hostsOf(behind) },
  };
};

export const proxyNeedsPassword: Rule = (context) => {
  const asked = openNetwork(context, 'proxy-password');
  if (asked.length === 0) return undefined;
  const proxy = proxyInUse(context);
  return {
    id: 'proxy-needs-password',
    title: 'The proxy asks for a user name and password',
    detail: `The proxy ${proxy.label ?? 'on this network'} answered ${listWords(hostsOf(asked))} with "proxy authentication required". iTunes and the Apple Devices app cannot always sign in to a proxy, so updates and restores fail.`,
    confidence: 'high',
    checks: ids(asked),
    symptoms: NETWORK_SYMPTOMS,
    fixes: ['open-proxy-settings'],
    steps: {
      windows: [
        "Ask your IT department to let Apple's servers (*.apple.com, *.cdn-apple.com, *.mzstatic.com) through the proxy without a password.",
        ...proxySteps.windows.slice(0, 1),
      ],
      mac: [
        "Ask your IT department to let Apple's servers (*.apple.com, *.cdn-apple.com, *.mzstatic.com) through the proxy without a password.",
        ...proxySteps.mac.slice(0, 1),
      ],
    },
    subject: { hosts: hostsOf(asked) },
  };
};

export const proxyBlocksApple: Rule = (context) => {
  const refused = openNetwork(context, 'proxy-refusal');
  if (refused.length === 0) return undefined;
  const proxy = proxyInUse(context);
  const by = refused.flatMap((check) => (check.kind === 'server' && check.http?.server ? [check.http.server] : []));
  return {
    id: 'proxy-blocks-apple',
    title: "A proxy or web filter refuses Apple's servers",
    detail: `${proxy.label ? `The proxy ${proxy.label}` : by[0] ? `A filter (${by[0]})` : 'A proxy or web filter'} answered ${listWords(hostsOf(refused))} with its own refusal page instead of letting the request through.`,
    confidence: 'high',
    checks: ids(refused),
    symptoms: NETWORK_SYMPTOMS,
    fixes: proxy.winhttp ? ['reset-winhttp-proxy', 'open-proxy-settings'] : ['open-proxy-settings'],
    steps: proxySteps,
    subject: { hosts: hostsOf(refused) },
  };
};

export const networkSignIn: Rule = (context) => {
  const sent = openNetwork(context, 'sign-in-page');
  if (sent.length === 0) return undefined;
  const target = sent.flatMap((check) => (check.kind === 'server' && check.http?.location ? [check.http.location] : []))[0];
  return {
    id: 'network-sign-in',
    title: 'This network wants you to sign in first',
    detail: `Requests to ${listWords(hostsOf(sent))} were sent to a sign-in or filter page${target ? ` (${target})` : ''} instead of Apple. Hotel, café and guest networks do this until you accept their terms.`,
    confidence: 'medium',
    checks: ids(sent),
    symptoms: NETWORK_SYMPTOMS,
    fixes: [],
    steps: {
      windows: [
        "Open a web browser and visit any web site: the network's sign-in page appears. Sign in or accept the terms, then check again.",
      ],
      mac: ["Open Safari and visit any web site: the network's sign-in page appears. Sign in or accept the terms, then check again."],
    },
    subject: { hosts: hostsOf(sent) },
  };
};

export const proxySettingsUnusable: Rule = (context) => {
  const evidence = openSystem(context, 'proxy', 'proxy-invalid', 'proxy-pac');
  if (evidence.length === 0) return undefined;
  const pac = evidence.some((check) => check.reason === 'proxy-pac');
  return {
    id: 'proxy-settings-unusable',
    title: pac ? 'A proxy script is set that this check could not follow' : 'A proxy setting cannot be used',
    detail: `${evidence.map((check) => check.detail).join(' ')} If Apple's apps follow this setting, their traffic may go nowhere.`,
    confidence: 'medium',
    checks: ids(evidence),
    severity: 'warn',
    symptoms: NETWORK_SYMPTOMS,
    fixes: ['open-proxy-settings'],
    steps: proxySteps,
    subject: {},
  };
};
