// What this computer says about itself that is not a network failure: a hosts file that could not
// be read, checks that could not look, and, for the record, security software and a firewall that is off.
import type { Rule } from '../rule';
import { ids, openSystem, productsNamed } from './shared';
import { isNetwork, listWords } from '../evidence';

export const hostsFileUnreadable: Rule = (context) => {
  const evidence = openSystem(context, 'hosts', 'hosts-unreadable');
  if (evidence.length === 0) return undefined;
  return {
    id: 'hosts-file-unreadable',
    title: 'The hosts file could not be read',
    detail: `${evidence[0]!.detail} Lines in it that send Apple's servers elsewhere could not be ruled out.`,
    confidence: 'medium',
    checks: ids(evidence),
    severity: 'warn',
    symptoms: ['update-error'],
    fixes: [],
    steps: {
      windows: [
        'Run Sync Doctor as administrator, or open C:\\Windows\\System32\\drivers\\etc\\hosts in Notepad and look for lines with "apple".',
      ],
      mac: ['In Terminal, run: grep -i apple /etc/hosts'],
    },
    subject: {},
  };
};

const COULD_NOT_LOOK = new Set(['cannot-run', 'output-not-understood', 'timed-out', 'internal-error', 'clock-unknown']);

export const checksIncomplete: Rule = (context) => {
  const evidence = context
    .open()
    .filter((check) => COULD_NOT_LOOK.has(check.reason) || (isNetwork(check) && check.reason === 'internal-error'));
  if (evidence.length === 0) return undefined;
  return {
    id: 'checks-incomplete',
    title: 'Some checks could not look',
    detail: `${listWords(evidence.map((check) => check.title))} could not finish here, so what they look for is neither confirmed nor ruled out. Their rows say why.`,
    confidence: 'high',
    checks: ids(evidence),
    severity: 'info',
    symptoms: [],
    fixes: [],
    steps: {
      windows: ['Run Sync Doctor again as administrator for a complete picture.'],
      mac: ['Run Sync Doctor again with administrator rights (sudo) for a complete picture.'],
    },
    subject: {},
  };
};

export const securitySoftwarePresent: Rule = (context) => {
  const evidence = openSystem(context, 'firewall', 'security-product');
  if (evidence.length === 0) return undefined;
  const products = productsNamed(context);
  return {
    id: 'security-software-present',
    title: 'Security software is active',
    detail: `${listWords(products)} ${products.length === 1 ? 'is' : 'are'} running. Nothing it does showed up as a problem in these checks; if syncing still fails, pause it and try again.`,
    confidence: 'high',
    checks: ids(evidence),
    severity: 'info',
    symptoms: [],
    fixes: [],
    steps: {
      windows: [
        `If something still fails, pause ${listWords(products)} for a few minutes and try again; if that helps, add iTunes, Apple Devices and *.apple.com to its exclusions.`,
      ],
      mac: [
        `If something still fails, pause ${listWords(products)} for a few minutes and try again; if that helps, add Finder, Music, Apple Devices and *.apple.com to its exclusions.`,
      ],
    },
    subject: { products },
  };
};

export const firewallOff: Rule = (context) => {
  const evidence = context.checks.filter((check) => check.kind === 'firewall' && check.reason === 'firewall-off');
  if (evidence.length === 0) return undefined;
  return {
    id: 'firewall-off',
    title: 'The system firewall is off',
    detail: `${evidence[0]!.detail} That does not stop syncing; it is noted for completeness.`,
    confidence: 'high',
    checks: ids(evidence),
    severity: 'info',
    symptoms: [],
    fixes: [],
    steps: {
      windows: ['Turning the firewall back on is recommended: Windows Security > Firewall & network protection.'],
      mac: ['Turning the firewall on is recommended: System Settings > Network > Firewall.'],
    },
    subject: {},
  };
};
