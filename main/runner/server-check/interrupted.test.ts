import { afterEach, describe, expect, it } from 'vitest';
import type { ServerCheck } from '../../../app/contract/check';
import { silentPeer, type SilentPeer } from '../../probes/fixtures/silent-peer';
import { DnsCache } from '../dns-cache';
import { loopbackRoutes, type Route } from '../fixtures/loopback-routes';
import { recordingDnsCache } from '../fixtures/recording-dns';
import { asServerCheck, dnsJudged, endAsDeadline, GENUINE_ADDRESS, nameServers, serverTarget } from '../fixtures/server-check';
import { serverTask } from '../server-task';
import type { CheckTask } from '../task';

// A check is interrupted in two ways: the probes see the signal end and the check reports on its
// own, or, when it has not reported within the runner's grace, the runner asks interrupted().
// Both must name the stage that was waiting. "In flight" is known from the other side of the
// exchange (the lookup was asked, the connection attempted, the peer heard the client), never
// from elapsed time.

const peers: SilentPeer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((peer) => peer.close()));
});

interface Started {
  task: CheckTask;
  controller: AbortController;
  running: Promise<ServerCheck>;
}

function start(port: number, cache: DnsCache, route: Route): Started & { connecting: Promise<void> } {
  const routes = loopbackRoutes({ [`${GENUINE_ADDRESS}:${port}`]: route });
  const task = serverTask(serverTarget(port), cache, { connect: routes.connect });
  const controller = new AbortController();
  return { task, controller, running: task.run(controller.signal).then(asServerCheck), connecting: routes.connecting };
}

/** A system resolver that is asked and never answers; `asked` resolves when the check asks it. */
async function unansweredDns() {
  let asked!: () => void;
  const askedPromise = new Promise<void>((resolve) => (asked = resolve));
  const silent = await nameServers({ kind: 'drop' });
  const cache = new DnsCache({
    servers: silent.servers,
    systemLookup: () => {
      asked();
      return new Promise<string[]>(() => undefined);
    },
  });
  return { cache, asked: askedPromise, close: silent.close };
}

const interruptedCheck = (task: CheckTask, why: 'deadline' | 'cancelled') => asServerCheck(task.interrupted(why));

describe('a server check interrupted while DNS is in flight', () => {
  it('names the lookup as what ran out of time, or was cancelled', async () => {
    const dns = await unansweredDns();
    const started = start(443, dns.cache, 'unreachable');
    await dns.asked;
    const deadline = interruptedCheck(started.task, 'deadline');
    expect(deadline).toMatchObject({
      status: 'fail',
      reason: 'dns-timeout',
      layers: { dns: 'fail', tcp: 'not-run', tls: 'not-run', http: 'not-run' },
    });
    expect(deadline.detail).toMatch(/Looking up gs\.apple\.com did not finish before the deadline/);
    expect(deadline.timings.dnsMs).toBeTypeOf('number');
    expect(interruptedCheck(started.task, 'cancelled')).toMatchObject({
      status: 'skipped',
      reason: 'cancelled',
      layers: { dns: 'not-run', tcp: 'not-run', tls: 'not-run', http: 'not-run' },
    });

    endAsDeadline(started.controller);
    expect(await started.running).toMatchObject({ status: 'fail', reason: 'dns-timeout', layers: { dns: 'fail', tcp: 'not-run' } });
    await dns.close();
  });

  it('reports a cancel during the lookup as cancelled', async () => {
    const dns = await unansweredDns();
    const started = start(443, dns.cache, 'unreachable');
    await dns.asked;
    started.controller.abort();
    expect(await started.running).toMatchObject({ status: 'skipped', reason: 'cancelled', layers: { dns: 'not-run', tcp: 'not-run' } });
    await dns.close();
  });
});

describe('a server check interrupted while connecting', () => {
  it('names TCP, with DNS passed', async () => {
    const { cache } = recordingDnsCache([GENUINE_ADDRESS]);
    const started = start(443, cache, 'dropped');
    await started.connecting;
    await dnsJudged(cache);
    const deadline = interruptedCheck(started.task, 'deadline');
    expect(deadline).toMatchObject({
      status: 'fail',
      reason: 'tcp-timeout',
      layers: { dns: 'ok', tcp: 'fail', tls: 'not-run', http: 'not-run' },
    });
    expect(deadline.detail).toMatch(/No answer from gs\.apple\.com on port 443 before the deadline/);
    expect(interruptedCheck(started.task, 'cancelled')).toMatchObject({
      status: 'skipped',
      reason: 'cancelled',
      layers: { dns: 'ok', tcp: 'not-run', tls: 'not-run', http: 'not-run' },
    });

    endAsDeadline(started.controller);
    expect(await started.running).toMatchObject({ status: 'fail', reason: 'tcp-timeout', layers: { dns: 'ok', tcp: 'fail' } });
  });

  it('reports a cancel while connecting as cancelled, DNS passed', async () => {
    const started = start(443, recordingDnsCache([GENUINE_ADDRESS]).cache, 'dropped');
    await started.connecting;
    started.controller.abort();
    expect(await started.running).toMatchObject({ status: 'skipped', reason: 'cancelled', layers: { dns: 'ok', tcp: 'not-run' } });
  });
});

describe('a server check interrupted during the TLS handshake', () => {
  it('names TLS, with DNS and TCP passed', async () => {
    const peer = await silentPeer();
    peers.push(peer);
    const started = start(443, recordingDnsCache([GENUINE_ADDRESS]).cache, peer.port);
    await peer.heard;
    const deadline = interruptedCheck(started.task, 'deadline');
    expect(deadline).toMatchObject({
      status: 'fail',
      reason: 'tls-handshake-failed',
      layers: { dns: 'ok', tcp: 'ok', tls: 'fail', http: 'not-run' },
    });
    expect(deadline.detail).toBe(
      'Connected to gs.apple.com on port 443, but the secure handshake (TLS) did not finish before the deadline.',
    );
    expect(deadline.timings).toMatchObject({ dnsMs: expect.any(Number), tcpMs: expect.any(Number), tlsMs: expect.any(Number) });
    expect(interruptedCheck(started.task, 'cancelled')).toMatchObject({
      status: 'skipped',
      layers: { dns: 'ok', tcp: 'ok', tls: 'not-run', http: 'not-run' },
    });

    endAsDeadline(started.controller);
    const check = await started.running;
    expect(check).toMatchObject({
      status: 'fail',
      reason: 'tls-handshake-failed',
      layers: { dns: 'ok', tcp: 'ok', tls: 'fail', http: 'not-run' },
    });
    expect(check.detail).toMatch(/never completed the secure handshake/);
  });

  it('reports a cancel during the handshake as cancelled, DNS and TCP passed', async () => {
    const peer = await silentPeer();
    peers.push(peer);
    const started = start(443, recordingDnsCache([GENUINE_ADDRESS]).cache, peer.port);
    await peer.heard;
    started.controller.abort();
    expect(await started.running).toMatchObject({
      status: 'skipped',
      reason: 'cancelled',
      layers: { dns: 'ok', tcp: 'ok', tls: 'not-run' },
    });
  });
});

describe('a server check interrupted while waiting for the HTTP answer', () => {
  it('names HTTP, with the layers before it passed', async () => {
    const peer = await silentPeer();
    peers.push(peer);
    const started = start(80, recordingDnsCache([GENUINE_ADDRESS]).cache, peer.port);
    await peer.heard;
    const deadline = interruptedCheck(started.task, 'deadline');
    expect(deadline).toMatchObject({
      status: 'fail',
      reason: 'http-error',
      layers: { dns: 'ok', tcp: 'ok', tls: 'not-applicable', http: 'fail' },
    });
    expect(deadline.detail).toBe('Connected to gs.apple.com on port 80, but it did not answer the HTTP request before the deadline.');
    expect(interruptedCheck(started.task, 'cancelled')).toMatchObject({
      status: 'skipped',
      layers: { dns: 'ok', tcp: 'ok', tls: 'not-applicable', http: 'not-run' },
    });

    endAsDeadline(started.controller);
    const check = await started.running;
    expect(check).toMatchObject({ status: 'fail', reason: 'http-error', layers: { http: 'fail' } });
    expect(check.detail).toMatch(/did not answer in time/);
  });

  it('reports a cancel while waiting for the answer as cancelled', async () => {
    const peer = await silentPeer();
    peers.push(peer);
    const started = start(80, recordingDnsCache([GENUINE_ADDRESS]).cache, peer.port);
    await peer.heard;
    started.controller.abort();
    expect(await started.running).toMatchObject({
      status: 'skipped',
      reason: 'cancelled',
      layers: { dns: 'ok', tcp: 'ok', http: 'not-run' },
    });
  });
});

describe('a server check cancelled before it started', () => {
  it('reports every layer not run', () => {
    const task = serverTask(serverTarget(443), recordingDnsCache([GENUINE_ADDRESS]).cache);
    expect(task.interrupted('cancelled')).toMatchObject({
      status: 'skipped',
      reason: 'cancelled',
      timings: {},
      layers: { dns: 'not-run', tcp: 'not-run', tls: 'not-run', http: 'not-run' },
    });
  });
});
