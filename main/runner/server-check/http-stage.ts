import type { Duplex } from 'node:stream';
import { judgeHttp, probeHttp, type HttpJudgement } from '../../probes/http';
import type { HttpVia } from '../../proxy/connector';
import type { StageContext } from './context';
import type { Ending, Stopped } from './ending';

/** One small request over the open connection (TCP or TLS), its answer judged. */
export async function httpStage(context: StageContext, connection: Duplex, via: HttpVia | undefined): Promise<Ending> {
  const { target, progress } = context;
  const { findings } = progress;
  const { host, port } = target;
  progress.enter('http');
  const response = await probeHttp(connection, { host, path: target.httpPath ?? '/', signal: context.signal, ...via });
  findings.timings.httpMs = response.ms;
  if (response.kind === 'cancelled') return { kind: 'cancelled', at: 'http' };
  const stop = { kind: 'stopped', at: 'http' } as const;
  if (response.kind === 'failed') {
    return {
      ...stop,
      status: 'fail',
      reason: 'http-error',
      detail: `Connected to ${host} on port ${port}, but ${response.message}.`,
      met: `Something there accepted the connection, but ${response.message}.`,
    };
  }
  const { headers } = response;
  findings.http = {
    status: response.status,
    ...(headers['server'] ? { server: headers['server'] } : {}),
    ...(headers['location'] ? { location: headers['location'] } : {}),
  };
  const judged = judgeHttp(response.status, headers, host, target.reachableStatuses);
  switch (judged.kind) {
    case 'blocked':
      return { ...stop, status: 'fail', reason: 'http-blocked', ...blockedWords(host, judged) };
    case 'server-error':
      return {
        ...stop,
        status: 'warn',
        reason: 'http-error',
        detail: `${host} answered with a server error (HTTP ${judged.status}). It is reachable; the problem is probably on Apple's side and passes.`,
        met: `The server there answered with a server error (HTTP ${judged.status}).`,
      };
    case 'ok': {
      const answered = target.reachableStatuses?.includes(judged.status)
        ? `${host} answered (HTTP ${judged.status}, which is normal for it)`
        : `${host} answered (HTTP ${judged.status})`;
      return { kind: 'reached', detail: `Reachable: ${answered}${findings.tls ? ' over a genuine secure connection' : ''}.` };
    }
  }
}

function blockedWords(host: string, judged: Extract<HttpJudgement, { kind: 'blocked' }>): Pick<Stopped & { at: 'http' }, 'detail' | 'met'> {
  switch (judged.why) {
    case 'proxy-auth':
      return {
        detail: `A proxy (${judged.by}) stands between this computer and ${host} and asks for a password (HTTP ${judged.status}). Apple's apps cannot answer that.`,
        met: `The server there (${judged.by}) asked for a password (HTTP ${judged.status}).`,
      };
    case 'proxy-denied':
      return {
        detail: `A proxy or filter (${judged.by}) refused the request to ${host} (HTTP ${judged.status}). Ask whoever runs it to allow Apple's servers.`,
        met: `The server there (${judged.by}) refused the request (HTTP ${judged.status}).`,
      };
    case 'portal-redirect':
      return {
        detail: `The request to ${host} was sent to another site (${judged.by}) instead: a sign-in page (captive portal) or a filter's block page.`,
        met: `The server there sent the request on to another site (${judged.by}).`,
      };
  }
}
