import { afterEach, describe, expect, it } from 'vitest';
import type { Layers, ServerCheck } from '../../../app/contract/check';
import { silentPeer } from '../../../test-support/silent-peer';
import { DnsCache } from '../dns-cache';
import { loopbackRoutes, type Route } from '../../../test-support/loopback-routes';
import { recordingDnsCache } from '../../../test-support/recording-dns';
import { asServerCheck, dnsJudged, endAsDeadline, GENUINE_ADDRESS, nameServers, serverTarget } from '../../../test-support/server-check';
import { serverTask } from '../server-task';
import type { CheckTask } from '../../scheduler/task';

// A check is interrupted in two ways: the probes see the signal end and the check reports on its
// own, or, when it has not reported within the runner's grace, the runner asks interrupted().
// Both must name the stage that was waiting. "In flight" is known from the other side of the
// exchange (the lookup was asked, the connection attempted, the peer heard the client), never
// from elapsed time.

const closers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((closer) => closer.close()));
});

interface Started {
  task: CheckTask;
  controller: AbortController;
  running: Promise<ServerCheck>;
  connecting: Promise<void>;
}

function start(port: number, cache: DnsCache, route: Route): Started {
  const routes = loopbackRoutes({ [`${GENUINE_ADDRESS}:${port}`]: route });
  const task = serverTask(serverTarget(port), cache, { connect: routes.connect });
  const controller = new AbortController();
  return { task, controller, running: task.run(controller.signal).then(asServerCheck), connecting: routes.connecting };
}

/** DNS in flight: a system resolver that is asked and never answers, and a name server that drops the query. */
async function lookingUp(): Promise<Started> {
  let asked!: () => void;
  const askedPromise = new Promise<void>((resolve) => (asked = resolve));
  const silent = await nameServers({ kind: 'drop' });
  closers.push(silent);
  const systemLookup = () => {
    asked();
    return new Promise<string[]>(() => undefined);
  };
  const started = start(443, new DnsCache({ servers: silent.servers, systemLookup }), 'unreachable');
  await askedPromise;
  return started;
}

/** TCP in flight: DNS judged, the connection attempt held as dropped packets would hold it. */
async function connecting(): Promise<Started> {
  const { cache } = recordingDnsCache([GENUINE_ADDRESS]);
  const started = start(443, cache, 'dropped');
  await started.connecting;
  await dnsJudged(cache);
  return started;
}

/** TLS or HTTP in flight: a silent peer has heard the hello or the request and never answers. */
const heardOn = (port: number) => async (): Promise<Started> => {
  const peer = await silentPeer();
  closers.push(peer);
  const started = start(port, recordingDnsCache([GENUINE_ADDRESS]).cache, peer.port);
  await peer.heard;
  return started;
};

const NOT_RUN = { dns: 'not-run', tcp: 'not-run', tls: 'not-run', http: 'not-run' } as const;

describe.each<{
  waitingFor: string;
  inFlight: () => Promise<Started>;
  reason: ServerCheck['reason'];
  stepInDetail: string;
  ownDetail: RegExp;
  failed: Layers;
  cancelled: Layers;
  timing: 'dnsMs' | 'tcpMs' | 'tlsMs' | 'httpMs';
}>([
  {
    waitingFor: 'the DNS answer',
    inFlight: lookingUp,
    reason: 'dns-timeout',
    stepInDetail:
      'Looking up gs.apple.com did not finish before the deadline: the DNS server is slow, unreachable, or its answers are dropped.',
    ownDetail: /Looking up gs\.apple\.com got no answer in time/,
    failed: { ...NOT_RUN, dns: 'fail' },
    cancelled: NOT_RUN,
    timing: 'dnsMs',
  },
  {
    waitingFor: 'the connection',
    inFlight: connecting,
    reason: 'tcp-timeout',
    stepInDetail:
      'No answer from gs.apple.com on port 443 before the deadline: the connection attempt was dropped, typically by a firewall.',
    ownDetail: /No answer from gs\.apple\.com on port 443: the connection attempt was dropped/,
    failed: { ...NOT_RUN, dns: 'ok', tcp: 'fail' },
    cancelled: { ...NOT_RUN, dns: 'ok' },
    timing: 'tcpMs',
  },
  {
    waitingFor: 'the TLS handshake',
    inFlight: heardOn(443),
    reason: 'tls-handshake-failed',
    stepInDetail: 'Connected to gs.apple.com on port 443, but the secure handshake (TLS) did not finish before the deadline.',
    ownDetail: /never completed the secure handshake/,
    failed: { dns: 'ok', tcp: 'ok', tls: 'fail', http: 'not-run' },
    cancelled: { dns: 'ok', tcp: 'ok', tls: 'not-run', http: 'not-run' },
    timing: 'tlsMs',
  },
  {
    waitingFor: 'the HTTP answer',
    inFlight: heardOn(80),
    reason: 'http-error',
    stepInDetail: 'Connected to gs.apple.com on port 80, but it did not answer the HTTP request before the deadline.',
    ownDetail: /did not answer in time/,
    failed: { dns: 'ok', tcp: 'ok', tls: 'not-applicable', http: 'fail' },
    cancelled: { dns: 'ok', tcp: 'ok', tls: 'not-applicable', http: 'not-run' },
    timing: 'httpMs',
  },
])(
  'a server check interrupted while waiting for $waitingFor',
  ({ inFlight, reason, stepInDetail, ownDetail, failed, cancelled, timing }) => {
    it('names that layer as what ran out of time, with the layers before it passed, whoever reports it', async () => {
      const started = await inFlight();
      const stepIn = asServerCheck(started.task.interrupted('deadline'));
      expect(stepIn).toMatchObject({ status: 'fail', reason, layers: failed });
      expect(stepIn.detail).toBe(stepInDetail);
      expect(stepIn.timings[timing]).toBeTypeOf('number');

      endAsDeadline(started.controller);
      const own = await started.running;
      expect(own).toMatchObject({ status: 'fail', reason, layers: failed });
      expect(own.detail).toMatch(ownDetail);
    });

    it('reports a cancel then as cancelled, the layers before it passed and that one not run', async () => {
      const started = await inFlight();
      expect(started.task.interrupted('cancelled')).toMatchObject({ status: 'skipped', reason: 'cancelled', layers: cancelled });
      started.controller.abort();
      expect(await started.running).toMatchObject({ status: 'skipped', reason: 'cancelled', layers: cancelled });
    });
  },
);

describe('a server check cancelled before it started', () => {
  it('reports every layer not run', () => {
    const task = serverTask(serverTarget(443), recordingDnsCache([GENUINE_ADDRESS]).cache);
    expect(task.interrupted('cancelled')).toMatchObject({ status: 'skipped', reason: 'cancelled', timings: {}, layers: NOT_RUN });
  });
});
