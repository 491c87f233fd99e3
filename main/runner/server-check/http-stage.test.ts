import { afterEach, describe, expect, it } from 'vitest';
import { startListener, type HttpAnswer, type ListenerBehaviour, type RunningListener } from '../../../test-support/web-server';
import { withDeadline } from '../../platform/deadline';
import { loopbackRoutes } from '../../../test-support/loopback-routes';
import { recordingDnsCache } from '../../../test-support/recording-dns';
import { asServerCheck, GENUINE_ADDRESS, serverTarget } from '../../../test-support/server-check';
import { serverTask } from '../server-task';

const listeners: RunningListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((listener) => listener.close()));
});

/** Runs the check of gs.apple.com:80 against a loopback server behaving so. */
async function checkAgainst(behaviour: ListenerBehaviour, reachableStatuses?: number[]) {
  const listener = await startListener({ address: '127.0.0.1', port: 0, behaviour });
  listeners.push(listener);
  const routes = loopbackRoutes({ [`${GENUINE_ADDRESS}:80`]: listener.port });
  const target = serverTarget(80, reachableStatuses ? { reachableStatuses } : {});
  return asServerCheck(
    await serverTask(target, recordingDnsCache([GENUINE_ADDRESS]).cache, { connect: routes.connect }).run(withDeadline(undefined, 5000)),
  );
}

const answering = (answer: HttpAnswer): ListenerBehaviour => ({ kind: 'http', answer });
const AT_HTTP = (http: 'ok' | 'warn' | 'fail') => ({ dns: 'ok', tcp: 'ok', tls: 'not-applicable', http }) as const;

describe('the HTTP stage of a server check', () => {
  it('reaches a server that answers, and keeps what it said', async () => {
    const check = await checkAgainst(answering({ status: 200 }));
    expect(check).toMatchObject({ status: 'ok', reason: 'ok', layers: AT_HTTP('ok'), http: { status: 200, server: 'FakeApple/1.0' } });
    expect(check.detail).toBe('Reachable: gs.apple.com answered (HTTP 200).');
    expect(check.timings.httpMs).toBeTypeOf('number');
  });

  it('counts a status that is normal for the host as reachable', async () => {
    const check = await checkAgainst(answering({ status: 404 }), [404]);
    expect(check).toMatchObject({ status: 'ok', reason: 'ok', layers: AT_HTTP('ok') });
    expect(check.detail).toMatch(/HTTP 404, which is normal for it/);
  });

  it.each([
    [
      'a proxy asking for a password',
      { status: 407, headers: { 'Proxy-Authenticate': 'Basic realm="corp"' } },
      /asks for a password \(HTTP 407\)/,
    ],
    [
      "a proxy's refusal page",
      { status: 403, headers: { Server: 'squid/5.7', 'X-Squid-Error': 'ERR_ACCESS_DENIED 0' } },
      /A proxy or filter \(squid\/5\.7\) refused the request/,
    ],
    [
      'a sign-in page',
      { status: 302, headers: { Location: 'http://login.portal.example/' } },
      /sent to another site \(login\.portal\.example\)/,
    ],
  ] as const)('says blocked for %s', async (_what, answer, detail) => {
    const check = await checkAgainst(answering(answer));
    expect(check).toMatchObject({ status: 'fail', reason: 'http-blocked', layers: AT_HTTP('fail'), http: { status: answer.status } });
    expect(check.detail).toMatch(detail);
  });

  it("only warns of the server's own error: it is reachable", async () => {
    const check = await checkAgainst(answering({ status: 503 }));
    expect(check).toMatchObject({ status: 'warn', reason: 'http-error', layers: AT_HTTP('warn'), http: { status: 503 } });
    expect(check.detail).toMatch(/server error \(HTTP 503\)/);
  });

  it('fails with http-error when the answer is not HTTP', async () => {
    const check = await checkAgainst({ kind: 'garbage' });
    expect(check).toMatchObject({ status: 'fail', reason: 'http-error', layers: AT_HTTP('fail') });
    expect(check.detail).toBe('Connected to gs.apple.com on port 80, but the server answered with something that is not HTTP.');
    expect(check.http).toBeUndefined();
  });
});
