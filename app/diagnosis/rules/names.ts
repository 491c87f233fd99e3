// Where names go: a hosts-file line or a DNS block list sends Apple's servers elsewhere.
import type { CheckResult } from '../../contract/check';
import { listWords, obstacleOf, unique } from '../evidence';
import type { Rule } from '../rule';
import { fact, hostsOf, ids, NETWORK_SYMPTOMS, openNetwork, sameSteps, systemCheck } from './shared';

/** The hosts-file note a redirected server check carries (main/system/hosts/lookup.ts). */
const HOSTS_LINE = /The hosts file (.+?) does it, line (\d+): "([^"]*)"/;

function namedInHostsFile(check: CheckResult, hostsDetail: string | undefined): boolean {
  if (check.kind !== 'server') return false;
  if (HOSTS_LINE.test(check.detail)) return true;
  return (
    hostsDetail !== undefined && new RegExp(`(^|[\\s"(])${check.host.replace(/[.*]/g, (c) => `\\${c}`)}([\\s",.)]|$)`).test(hostsDetail)
  );
}

export const hostsFileRedirect: Rule = (context) => {
  const hosts = systemCheck(context, 'hosts:apple', 'hosts-entry');
  const redirected = openNetwork(context, 'redirected', 'blocked-by-name');
  const fromFile = redirected.filter((check) => namedInHostsFile(check, hosts?.detail));
  if (!hosts && fromFile.length === 0) return undefined;
  const line = fromFile.map((check) => HOSTS_LINE.exec(check.detail)).find((match) => match !== null);
  const where = hosts
    ? hosts.detail.replace(/ Remove these lines.*$/, '')
    : line
      ? `The hosts file ${line[1]} sends ${listWords(hostsOf(fromFile))} elsewhere: line ${line[2]} ("${line[3]}").`
      : `The hosts file sends ${listWords(hostsOf(fromFile))} elsewhere.`;
  const hostNames = unique([...(fact(hosts, 'host') ? [fact(hosts, 'host')!] : []), ...hostsOf(fromFile)]);
  const errors =
    hostNames.includes('gs.apple.com') && !where.includes('3194')
      ? ' This is the classic cause of error 3194 when updating or restoring.'
      : '';
  return {
    id: 'hosts-file-redirect',
    title: "The hosts file sends Apple's servers to the wrong place",
    detail: `${where}${errors} Old jailbreak and downgrade tools left lines like these behind.`,
    confidence: hosts ? 'high' : 'medium',
    checks: [...(hosts ? [hosts.id] : []), ...ids(fromFile)],
    symptoms: NETWORK_SYMPTOMS,
    fixes: ['remove-hosts-redirects', 'flush-dns'],
    steps: {
      windows: [
        'Open Notepad as administrator (right-click > Run as administrator), then open C:\\Windows\\System32\\drivers\\etc\\hosts.',
        `Delete the lines that mention ${listWords(hostNames)} (or put # in front of them), save, and check again.`,
      ],
      mac: [
        'In Terminal, run: sudo nano /etc/hosts',
        `Delete the lines that mention ${listWords(hostNames)}, save with Control-O, quit with Control-X, and check again.`,
      ],
    },
    subject: { hosts: hostNames },
  };
};

export const dnsFilter: Rule = (context) => {
  const redirected = openNetwork(context, 'redirected', 'blocked-by-name');
  // A name Apple still uses that "does not exist" while other names resolve: a block list answering NXDOMAIN.
  const resolvedElsewhere = context.checks.some((check) => check.kind === 'server' && check.status === 'ok');
  const missing = resolvedElsewhere ? openNetwork(context, 'name-missing').filter((check) => check.status === 'fail') : [];
  const evidence = [...redirected, ...missing];
  if (evidence.length === 0) return undefined;
  // The evidence's own test for "blocked, not sent elsewhere" (isBlockingAddress), not a second list.
  const blocked = redirected.filter((check) => obstacleOf(check) === 'blocked-by-name');
  const how =
    blocked.length > 0
      ? 'answers with 0.0.0.0 (blocked)'
      : missing.length > 0 && redirected.length === 0
        ? 'says they do not exist, although other names resolve'
        : "gives addresses that are not Apple's";
  return {
    id: 'dns-filter',
    title: "A DNS filter blocks or redirects Apple's servers",
    detail: `For ${listWords(hostsOf(evidence))}, the name lookup ${how}. A DNS block list (Pi-hole, AdGuard, a router's parental controls, a security product's web filter or a VPN's DNS) does this; the hosts file is not the cause.`,
    confidence: redirected.length > 0 ? 'medium' : 'low',
    checks: ids(evidence),
    symptoms: NETWORK_SYMPTOMS,
    fixes: ['flush-dns', 'open-network-settings'],
    steps: sameSteps(
      'If you use Pi-hole, AdGuard, NextDNS, a VPN or parental controls, allow *.apple.com, *.cdn-apple.com and *.mzstatic.com in it.',
      'Or try another network (a phone hotspot) to confirm, then check again.',
    ),
    subject: { hosts: hostsOf(evidence) },
  };
};

export const dnsLookupsFailing: Rule = (context) => {
  const failing = openNetwork(context, 'lookup-failed', 'lookup-no-answer');
  if (failing.length === 0) return undefined;
  return {
    id: 'dns-lookups-failing',
    title: "Some of Apple's server names cannot be looked up",
    detail: `The name servers (DNS) gave no usable answer for ${listWords(hostsOf(failing).length > 0 ? hostsOf(failing) : failing.map((check) => check.title))}, while other names resolved. A slow or unreliable DNS server, or a VPN's DNS, does this.`,
    confidence: 'medium',
    checks: ids(failing),
    symptoms: NETWORK_SYMPTOMS,
    fixes: ['flush-dns', 'open-network-settings'],
    steps: {
      windows: [
        "Restart the router, or set the network adapter to use another DNS server (for example your provider's, or 1.1.1.1), then check again.",
      ],
      mac: [
        'Restart the router, or in System Settings > Network > Details > DNS add another DNS server (for example 1.1.1.1), then check again.',
      ],
    },
    subject: { hosts: hostsOf(failing) },
  };
};
