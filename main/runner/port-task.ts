import type { PlannedCheck, PortCheck } from '../../app/contract/check';
import { directConnect, type Connect } from '../proxy/connector';
import { PORT_CHAIN_LENGTH } from './chain';
import type { DnsCache } from './dns-cache';
import { dnsFailureReason, dnsFailureWords } from './dns-reason';
import { CANCELLED_DETAIL, type CheckTask } from '../scheduler/task';

export interface PortTarget {
  entryId: string;
  host: string;
  port: number;
  purpose: string;
  /** "8500 of 8000-8999" when this port is a sample of a range. */
  sample?: string;
}

export function portTask(target: PortTarget, dns: DnsCache, connect: Connect = directConnect): CheckTask {
  const planned: PlannedCheck = {
    id: `port:${target.host}:${target.port}`,
    kind: 'port',
    group: 'network',
    title: target.sample ? `TCP ${target.port} (sample of ${target.sample.split(' of ')[1]})` : `TCP ${target.port}`,
    host: target.host,
    port: target.port,
    protocol: 'tcp',
    purpose: target.purpose,
    entryId: target.entryId,
  };
  const result = (fields: Pick<PortCheck, 'status' | 'reason' | 'detail' | 'timings'>): PortCheck => ({
    id: planned.id,
    kind: 'port',
    group: 'network',
    title: planned.title,
    entryId: target.entryId,
    host: target.host,
    port: target.port,
    protocol: 'tcp',
    purpose: target.purpose,
    ...(target.sample ? { sample: target.sample } : {}),
    ...fields,
  });
  const sampleNote = target.sample ? ` (port ${target.sample}, tried as a sample of the range)` : '';
  return {
    planned,
    chainLength: PORT_CHAIN_LENGTH,
    interrupted: (why) =>
      result(
        why === 'cancelled'
          ? { status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL, timings: {} }
          : {
              status: 'fail',
              reason: 'tcp-timeout',
              detail: `No answer on port ${target.port} before the deadline${sampleNote}.`,
              timings: {},
            },
      ),
    async run(signal) {
      const judged = await dns.judgeWhile(target.host, signal, (addresses) => connect(addresses, target.port, signal, target.host));
      const { dnsMs } = judged;
      if (judged.verdict.kind === 'cancelled')
        return result({ status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL, timings: { dnsMs } });
      if (!judged.started) {
        const reason = dnsFailureReason(judged.verdict);
        return result({
          status: 'fail',
          reason,
          detail: `Could not test port ${target.port}: the test server ${target.host} could not be looked up (${dnsFailureWords(judged.verdict)}).`,
          timings: { dnsMs },
        });
      }
      const tcp = await judged.started;
      const timings = { dnsMs, tcpMs: tcp.ms };
      switch (tcp.kind) {
        case 'connected':
          tcp.socket.destroy();
          return result({
            status: 'ok',
            reason: 'ok',
            detail: `Outgoing connections on TCP port ${target.port} get through${sampleNote}.`,
            timings,
          });
        case 'refused':
          return result({
            status: 'fail',
            reason: 'tcp-refused',
            detail: `Outgoing TCP port ${target.port} is refused${sampleNote}: a firewall rejects it.`,
            timings,
          });
        case 'timeout':
          return result({
            status: 'fail',
            reason: 'tcp-timeout',
            detail: `Outgoing TCP port ${target.port} gets no answer${sampleNote}: a firewall drops it.`,
            timings,
          });
        case 'unreachable':
          return result({
            status: 'fail',
            reason: 'tcp-unreachable',
            detail: `Outgoing TCP port ${target.port} is unreachable (${tcp.code})${sampleNote}.`,
            timings,
          });
        case 'cancelled':
          return result({ status: 'skipped', reason: 'cancelled', detail: CANCELLED_DETAIL, timings });
        case 'proxy-refused':
          return result({ status: 'fail', reason: tcp.reason, detail: tcp.detail, timings });
      }
    },
  };
}
