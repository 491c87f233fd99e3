import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startListener, type RunningListener } from '../../../test-support/web-server';
import { withDeadline } from '../../platform/deadline';
import { closedPort } from '../../../test-support/silent-peer';
import { probeTcp } from '../../probes/tcp';
import type { Connect } from '../../proxy/connector';
import { loopbackRoutes } from '../../../test-support/loopback-routes';
import { recordingDnsCache, unresolvableDnsCache } from '../../../test-support/recording-dns';
import { asServerCheck, endAsDeadline, GENUINE_ADDRESS, serverTarget } from '../../../test-support/server-check';
import { serverTask } from '../server-task';

const PROXY = 'http://proxy.corp.example:3128';
const AFTER_TCP = { tls: 'not-run', http: 'not-run' } as const;

describe('the connect stage of a server check', () => {
  let web: RunningListener;
  beforeAll(async () => {
    web = await startListener({ address: '127.0.0.1', port: 0, behaviour: { kind: 'http', answer: { status: 200 } } });
  });
  afterAll(() => web.close());

  const resolved = () => recordingDnsCache([GENUINE_ADDRESS]).cache;

  it('says refused when the connection is reset', async () => {
    const routes = loopbackRoutes({ [`${GENUINE_ADDRESS}:443`]: await closedPort() });
    const check = asServerCheck(
      await serverTask(serverTarget(443), resolved(), { connect: routes.connect }).run(withDeadline(undefined, 5000)),
    );
    expect(check).toMatchObject({ status: 'fail', reason: 'tcp-refused', layers: { dns: 'ok', tcp: 'fail', ...AFTER_TCP } });
    expect(check.detail).toMatch(/refused the connection on port 443/);
    expect(check.timings.tcpMs).toBeTypeOf('number');
    expect(check.via).toBeUndefined();
  });

  it('says dropped when nothing answers until the deadline', async () => {
    const routes = loopbackRoutes({ [`${GENUINE_ADDRESS}:443`]: 'dropped' });
    const controller = new AbortController();
    const running = serverTask(serverTarget(443), resolved(), { connect: routes.connect }).run(controller.signal);
    await routes.connecting;
    endAsDeadline(controller);
    const check = asServerCheck(await running);
    expect(check).toMatchObject({ status: 'fail', reason: 'tcp-timeout', layers: { dns: 'ok', tcp: 'fail', ...AFTER_TCP } });
    expect(check.detail).toMatch(/dropped, typically by a firewall/);
  });

  it('says unreachable when there is no route, with the system’s code', async () => {
    const routes = loopbackRoutes({ [`${GENUINE_ADDRESS}:80`]: 'unreachable' });
    const check = asServerCheck(
      await serverTask(serverTarget(80), resolved(), { connect: routes.connect }).run(withDeadline(undefined, 5000)),
    );
    expect(check).toMatchObject({
      status: 'fail',
      reason: 'tcp-unreachable',
      layers: { dns: 'ok', tcp: 'fail', tls: 'not-applicable', http: 'not-run' },
    });
    expect(check.detail).toMatch(/unreachable from this computer \(EHOSTUNREACH\)/);
  });

  it("reports a proxy's refusal as the proxy's, and names the proxy", async () => {
    const refusing: Connect = async () => ({
      kind: 'proxy-refused',
      address: PROXY,
      ms: 1,
      via: PROXY,
      reason: 'http-blocked',
      detail: `The proxy ${PROXY} refuses to connect to gs.apple.com on port 443 (HTTP 403 Forbidden).`,
    });
    const check = asServerCheck(await serverTask(serverTarget(443), resolved(), { connect: refusing }).run(withDeadline(undefined, 5000)));
    expect(check).toMatchObject({ status: 'fail', reason: 'http-blocked', via: PROXY, layers: { dns: 'ok', tcp: 'fail', ...AFTER_TCP } });
    expect(check.detail).toMatch(/refuses to connect to gs\.apple\.com/);
  });

  it('takes via from the connection: a check that went through a proxy names it', async () => {
    const viaProxy: Connect = async (_addresses, _port, signal) => ({ ...(await probeTcp('127.0.0.1', web.port, signal)), via: PROXY });
    const check = asServerCheck(await serverTask(serverTarget(80), resolved(), { connect: viaProxy }).run(withDeadline(undefined, 5000)));
    expect(check).toMatchObject({ status: 'ok', reason: 'ok', via: PROXY, layers: { dns: 'ok', tcp: 'ok', http: 'ok' } });
  });

  it('without local DNS, a proxy that fails stops the check at its own layer, the DNS layer a warning', async () => {
    const viaDeadProxy: Connect = async (addresses, _port, signal) => {
      expect(addresses).toEqual([]);
      return { ...(await probeTcp('127.0.0.1', await closedPort(), signal)), via: PROXY };
    };
    const check = asServerCheck(
      await serverTask(serverTarget(80), unresolvableDnsCache(), { connect: viaDeadProxy }).run(withDeadline(undefined, 5000)),
    );
    expect(check).toMatchObject({
      status: 'fail',
      reason: 'tcp-refused',
      via: PROXY,
      layers: { dns: 'warn', tcp: 'fail', tls: 'not-applicable', http: 'not-run' },
    });
  });
});
