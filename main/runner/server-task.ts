import type { Duplex } from 'node:stream';
import { directConnect } from '../proxy/connector';
import { layersFor, serverChainLength } from './chain';
import type { DnsCache } from './dns-cache';
import { connectStage } from './server-check/connect-stage';
import type { ServerCheckSeams, StageContext } from './server-check/context';
import { deadlinePassedIn } from './server-check/deadline-words';
import { dnsStage } from './server-check/dns-stage';
import type { Ending } from './server-check/ending';
import { finish } from './server-check/finish';
import { httpStage } from './server-check/http-stage';
import { Progress } from './server-check/progress';
import { plannedServer, type ServerTarget } from './server-check/target';
import { tlsStage } from './server-check/tls-stage';
import type { CheckTask } from '../scheduler/task';

export type { ServerCheckSeams } from './server-check/context';
export { plannedServer, serverCheckId, type ServerTarget } from './server-check/target';

/**
 * A server check: DNS, connect, TLS (on 443 and 5223), HTTP (on 80 and 443), each stage passing
 * what it found to the next, and one finishing step that builds the result from how it ended.
 */
export function serverTask(target: ServerTarget, cache: DnsCache, seams: ServerCheckSeams = {}): CheckTask {
  const { connect = directConnect, hostsFile, trust } = seams;
  let progress = new Progress();
  return {
    planned: plannedServer(target),
    chainLength: serverChainLength(target.port),
    async run(signal) {
      progress = new Progress();
      const ending = await runStages({ target, signal, cache, connect, hostsFile, trust, progress });
      return finish(target, progress.findings, ending);
    },
    // The runner steps in when the check has not reported by its deadline: the stage still in flight is the one that ran out of time.
    interrupted: (why) =>
      finish(
        target,
        progress.inFlight(),
        why === 'cancelled' ? { kind: 'cancelled', at: progress.stage } : deadlinePassedIn(progress.stage, target),
      ),
  };
}

async function runStages(context: StageContext): Promise<Ending> {
  const { host, port } = context.target;
  const speaks = layersFor(port);
  const dns = await dnsStage(context);
  if (dns.kind !== 'resolved' && dns.kind !== 'unresolved') return dns;
  const connected = await connectStage(context, dns);
  if (connected.kind !== 'connected') return connected;
  let channel: Duplex = connected.socket;
  if (speaks.tls) {
    const secured = await tlsStage(context, connected.socket);
    if (secured.kind !== 'secured') return secured;
    channel = secured.socket;
  }
  if (speaks.http) return httpStage(context, channel, connected.http);
  channel.destroy();
  return { kind: 'reached', detail: `Reached ${host} on port ${port}${speaks.tls ? ' with a genuine certificate' : ''}.` };
}
