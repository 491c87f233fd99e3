import { connectToProxy } from '../../proxy/tunnel';
import { chooseProxy, type ProxyRouter } from '../../proxy/router';
import type { ProxySetting } from '../../proxy/setting';
import { CANCELLED_DETAIL, type CheckTask } from '../../scheduler/task';
import { systemTask, type SystemOutcome } from '../task';

/** The proxy settings for Apple's secure (443) and plain (80) traffic, judged on one example host. */
export function proxyTasks(router: ProxyRouter, exampleHost = 'gs.apple.com'): CheckTask[] {
  return ([443, 80] as const).map((port) =>
    systemTask(
      {
        id: `proxy:${port === 443 ? 'https' : 'http'}`,
        kind: 'proxy',
        title: `Proxy for ${port === 443 ? 'secure' : 'plain'} web traffic`,
        purpose: `Which proxy ${exampleHost}:${port} goes through`,
        host: exampleHost,
        port,
        protocol: 'tcp',
      },
      async (signal) => {
        const answers = await router.explain(exampleHost, port, signal);
        const chosen = chooseProxy(answers);
        let reachable: 'yes' | 'refused' | 'timeout' | 'unreachable' | 'cancelled' | undefined;
        if (chosen.kind === 'proxy') {
          const tcp = await connectToProxy(chosen.endpoint, signal);
          if (tcp.kind === 'connected') tcp.socket.destroy();
          reachable = tcp.kind === 'connected' ? 'yes' : tcp.kind;
        }
        return judgeProxy(answers, chosen, reachable);
      },
    ),
  );
}

/** Pure: what the proxy settings mean for Apple's traffic. */
export function judgeProxy(
  answers: readonly ProxySetting[],
  chosen: ProxySetting,
  reachable?: 'yes' | 'refused' | 'timeout' | 'unreachable' | 'cancelled',
): SystemOutcome {
  const said = answers.map(describe).join('; ') || 'no proxy setting anywhere';
  const facts = {
    settings: said,
    proxy: chosen.kind === 'proxy' ? chosen.endpoint.label : null,
    source: chosen.kind === 'proxy' ? chosen.source : null,
  };
  if (chosen.kind === 'proxy') {
    if (reachable === 'cancelled') return { status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL, facts };
    if (reachable && reachable !== 'yes') {
      return {
        status: 'fail',
        reason: 'proxy-unreachable',
        detail: `Apple's traffic is sent to the proxy ${chosen.endpoint.label} (from ${chosen.source}), but it ${reachable === 'refused' ? 'refuses connections' : reachable === 'timeout' ? 'does not answer' : 'cannot be reached'}. Fix or remove the proxy setting.`,
        facts,
      };
    }
    return {
      status: 'ok',
      reason: 'proxy-in-use',
      detail: `Apple's traffic goes through the proxy ${chosen.endpoint.label} (from ${chosen.source})${chosen.endpoint.auth ? ', with a user name and password' : ''}; the network checks went through it too, as the apps would.`,
      facts,
    };
  }
  const pac = answers.find((answer): answer is Extract<ProxySetting, { kind: 'pac' }> => answer.kind === 'pac');
  if (pac) {
    return {
      status: 'warn',
      reason: 'proxy-pac',
      detail: `${pac.source} use an automatic proxy configuration (${pac.url}). The command line cannot evaluate it, so its checks went direct; the desktop app evaluates it.`,
      facts: { ...facts, pac: pac.url },
    };
  }
  const invalid = answers.find((answer): answer is Extract<ProxySetting, { kind: 'invalid' }> => answer.kind === 'invalid');
  if (invalid) {
    return {
      status: 'warn',
      reason: 'proxy-invalid',
      detail: `A proxy setting (${invalid.source}) cannot be used: ${invalid.why}. The checks went direct.`,
      facts,
    };
  }
  return { status: 'ok', reason: 'ok', detail: `No proxy: Apple's traffic goes direct (${said}).`, facts };
}

function describe(answer: ProxySetting): string {
  switch (answer.kind) {
    case 'direct':
      return `${answer.source}: direct`;
    case 'proxy':
      return `${answer.source}: ${answer.endpoint.label}`;
    case 'pac':
      return `${answer.source}: automatic configuration ${answer.url}`;
    case 'invalid':
      return `${answer.source}: unusable (${answer.why})`;
  }
}
