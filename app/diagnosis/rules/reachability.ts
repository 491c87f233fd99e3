// No internet at all: one finding instead of a failure per server. It claims every network check
// that could not get anywhere, so no later rule blames a firewall or a server for it.
import { isNetwork, obstacleOf, UNREACHABLE } from '../evidence';
import type { Rule } from '../rule';
import { ids, NETWORK_SYMPTOMS, plural } from './shared';

/** Below this many network checks a run is too small to call the whole internet gone. */
const MIN_CHECKS = 3;
/** Share of the network checks that must have found no way through. */
const SHARE = 0.8;

export const noInternet: Rule = (context) => {
  const ran = context.checks
    .filter(isNetwork)
    .filter((check) => check.status !== 'skipped' && !(check.status === 'warn' && check.reason === 'dns-nxdomain'));
  if (ran.length < MIN_CHECKS || ran.some((check) => check.status === 'ok')) return undefined;
  const stuck = ran.filter((check) => UNREACHABLE.has(obstacleOf(check)!));
  if (stuck.length < ran.length * SHARE) return undefined;
  const lookupsFailed = stuck.every((check) => {
    const obstacle = obstacleOf(check);
    return obstacle === 'lookup-failed' || obstacle === 'lookup-no-answer' || obstacle === 'no-time-answer';
  });
  const why = lookupsFailed
    ? 'Not even a name lookup got an answer: this computer is not connected to the internet, or its name servers (DNS) do not answer.'
    : 'Names can be looked up, but every connection times out or is refused: the connection to the internet is down, or a firewall blocks all outgoing traffic.';
  return {
    id: 'no-internet',
    title: 'This computer cannot reach the internet',
    detail: `None of the ${plural(ran.length, 'server and port check', 'server and port checks')} got through. ${why}`,
    confidence: 'high',
    checks: ids(stuck),
    symptoms: NETWORK_SYMPTOMS,
    fixes: ['open-network-settings'],
    steps: {
      windows: [
        'Check that Wi-Fi or the network cable is connected: open a web site in a browser.',
        'Restart the router and this computer if no web site opens.',
        'If web sites open but Sync Doctor still finds nothing, security software or a firewall blocks other programs: pause it and check again.',
      ],
      mac: [
        'Check that Wi-Fi or the network cable is connected: open a web site in Safari.',
        'Restart the router and this Mac if no web site opens.',
        'If web sites open but Sync Doctor still finds nothing, security software or a firewall blocks other programs: pause it and check again.',
      ],
    },
    subject: {},
  };
};
