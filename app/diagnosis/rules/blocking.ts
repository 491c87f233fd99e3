// Connections that never open: a firewall (the system's or a security product's) or the network
// drops or refuses them. Push on 5223 and the outbound media ports get findings of their own,
// since they break different things than the update and store servers.
import { listWords } from '../evidence';
import type { Rule } from '../rule';
import { hostsOf, ids, NETWORK_SYMPTOMS, openNetwork, plural, portsOf, productsNamed, systemCheck } from './shared';

const firewallSteps = (products: readonly string[]) => ({
  windows: [
    `${products.length > 0 ? `In ${listWords(products)}, or in` : 'In'} Windows Security > Firewall & network protection > Allow an app through firewall, allow iTunes, Apple Devices and Apple Mobile Device Service.`,
    'On a company network, ask IT to allow outgoing TCP 80 and 443 to *.apple.com, *.cdn-apple.com and *.mzstatic.com, and TCP 5223 to 17.0.0.0/8.',
  ],
  mac: [
    `${products.length > 0 ? `In ${listWords(products)}, allow Finder, Music and Apple Devices; in` : 'In'} System Settings > Network > Firewall > Options, make sure "Block all incoming connections" is off.`,
    'On a company network, ask IT to allow outgoing TCP 80 and 443 to *.apple.com, *.cdn-apple.com and *.mzstatic.com, and TCP 5223 to 17.0.0.0/8.',
  ],
});

export const pushPortBlocked: Rule = (context) => {
  const failing = openNetwork(context, 'no-connection', 'broken-midway');
  const pushHosts = new Set(failing.filter((check) => check.kind === 'server' && check.port === 5223).map((check) => check.host));
  if (pushHosts.size === 0) return undefined;
  // A push host dropped on every port is still one cause: the push service is blocked.
  const push = failing.filter((check) => check.kind === 'server' && pushHosts.has(check.host));
  const alsoOn = push.flatMap((check) => (check.kind === 'server' && check.port !== 5223 ? [check.port] : []));
  return {
    id: 'push-port-blocked',
    title: "Apple's push port 5223 is blocked",
    detail: `${listWords(hostsOf(push))} could not be reached on TCP port 5223${alsoOn.length > 0 ? ` (nor on ${listWords(alsoOn.map(String))})` : ''}. Apple Push Notifications use it; iCloud sync, device activation prompts and Find My rely on it. Apple asks that 17.0.0.0/8 be allowed on 5223.`,
    confidence: 'medium',
    checks: ids(push),
    symptoms: ['sync-fails'],
    fixes: ['open-firewall-settings'],
    steps: firewallSteps(productsNamed(context)),
    subject: { hosts: hostsOf(push), ports: [5223] },
  };
};

export const firewallBlocksApple: Rule = (context) => {
  const rule = systemCheck(context, 'firewall:system', 'firewall-blocks');
  const dropped = openNetwork(context, 'no-connection').filter((check) => check.kind === 'server' || check.kind === 'ntp');
  if (!rule && dropped.length === 0) return undefined;
  const products = productsNamed(context);
  const how = dropped.length > 0 ? `Connections to ${listWords(hostsOf(dropped))} were refused or dropped before they opened.` : '';
  const said = rule ? ` ${rule.detail}` : '';
  const confidence = rule ? 'high' : dropped.length > 1 ? 'medium' : 'low';
  return {
    id: 'firewall-blocks-apple',
    title: "A firewall blocks Apple's servers",
    detail: `${how}${said}${!rule && products.length > 0 ? ` Security software is running: ${listWords(products)}.` : ''}`.trim(),
    confidence,
    checks: [...(rule ? [rule.id] : []), ...ids(dropped)],
    symptoms: NETWORK_SYMPTOMS,
    fixes: ['open-firewall-settings'],
    steps: firewallSteps(products),
    subject: { hosts: hostsOf(dropped), ...(products.length > 0 ? { products } : {}) },
  };
};

export const outboundPortsBlocked: Rule = (context) => {
  const ports = openNetwork(context, 'no-connection', 'broken-midway', 'proxy-refusal').filter((check) => check.kind === 'port');
  if (ports.length === 0) return undefined;
  const numbers = portsOf(ports);
  return {
    id: 'outbound-ports-blocked',
    title: 'Some outgoing ports Apple lists are blocked',
    detail: `Outgoing connections on TCP ${plural(numbers.length, 'port')} (${listWords(numbers.map(String))}) do not get through. Apple lists them for streaming, AirPlay and Spotlight Suggestions; syncing and updating do not need them.`,
    confidence: 'medium',
    checks: ids(ports),
    severity: 'warn',
    symptoms: ['store-wont-connect'],
    fixes: ['open-firewall-settings'],
    steps: firewallSteps(productsNamed(context)),
    subject: { ports: numbers },
  };
};
