import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startListener, type ListenerBehaviour, type RunningListener } from '../../../test-support/web-server';
import { withDeadline } from '../../platform/deadline';
import type { KeyPair } from '../../../test-support/test-ca';
import { loopbackRoutes } from '../../../test-support/loopback-routes';
import { recordingDnsCache } from '../../../test-support/recording-dns';
import { asServerCheck, GENUINE_ADDRESS, serverTarget, testCertificates, type TestCertificates } from '../../../test-support/server-check';
import type { ServerCheckSeams } from '../server-task';
import { serverTask } from '../server-task';

let certs: TestCertificates;
beforeAll(async () => {
  certs = await testCertificates();
});

const listeners: RunningListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((listener) => listener.close()));
});

/** Runs the check of gs.apple.com:`port` against a loopback server behaving so. */
async function checkAgainst(
  port: number,
  behaviour: ListenerBehaviour,
  seams: Omit<ServerCheckSeams, 'connect'> = {},
  reachableStatuses?: number[],
) {
  const listener = await startListener({ address: '127.0.0.1', port: 0, behaviour });
  listeners.push(listener);
  const routes = loopbackRoutes({ [`${GENUINE_ADDRESS}:${port}`]: listener.port });
  const target = serverTarget(port, reachableStatuses ? { reachableStatuses } : {});
  const task = serverTask(target, recordingDnsCache([GENUINE_ADDRESS]).cache, { ...seams, connect: routes.connect });
  return asServerCheck(await task.run(withDeadline(undefined, 5000)));
}

const https = (pair: KeyPair, status = 200): ListenerBehaviour => ({ kind: 'https', cert: pair.cert, key: pair.key, answer: { status } });
const AT_TLS = { dns: 'ok', tcp: 'ok', tls: 'fail', http: 'not-run' } as const;

describe('the TLS stage of a server check', () => {
  it('goes on to HTTP over a genuine certificate from an expected issuer', async () => {
    const check = await checkAgainst(443, https(certs.genuine, 404), { trust: certs.trust }, [404]);
    expect(check).toMatchObject({
      status: 'ok',
      reason: 'ok',
      layers: { dns: 'ok', tcp: 'ok', tls: 'ok', http: 'ok' },
      http: { status: 404 },
    });
    expect(check.detail).toBe('Reachable: gs.apple.com answered (HTTP 404, which is normal for it) over a genuine secure connection.');
    expect(check.tls).toMatchObject({
      issuer: 'Sync Doctor Test Root CA (Sync Doctor Test CA)',
      subject: 'gs.apple.com (Fake Apple)',
      trusted: true,
    });
    expect(check.timings.tlsMs).toBeTypeOf('number');
  });

  it('ends after the handshake on a port that speaks no HTTP (push, 5223)', async () => {
    const check = await checkAgainst(5223, { kind: 'tls', cert: certs.genuine.cert, key: certs.genuine.key }, { trust: certs.trust });
    expect(check).toMatchObject({ status: 'ok', reason: 'ok', layers: { dns: 'ok', tcp: 'ok', tls: 'ok', http: 'not-run' } });
    expect(check.detail).toBe('Reached gs.apple.com on port 5223 with a genuine certificate.');
    expect(check.http).toBeUndefined();
  });

  it('names the interceptor, trusted or not', async () => {
    for (const trust of [certs.trust, certs.trustedInterceptor]) {
      const check = await checkAgainst(443, https(certs.intercepted), { trust });
      expect(check).toMatchObject({ status: 'fail', reason: 'tls-intercepted', layers: AT_TLS });
      expect(check.detail).toMatch(/certificate comes from "Contoso Web Shield Root CA \(Contoso Security\)"/);
      expect(check.tls?.trusted).toBe(trust === certs.trustedInterceptor);
    }
  });

  it('tells an expired certificate from one for another name and an untrusted one', async () => {
    const expired = await checkAgainst(443, https(certs.expired), { trust: certs.trust });
    expect(expired).toMatchObject({ status: 'fail', reason: 'tls-expired', layers: AT_TLS });
    expect(expired.detail).toMatch(/expired on \d{4}-/);

    const wrongName = await checkAgainst(443, https(certs.wrongName), { trust: certs.trust });
    expect(wrongName).toMatchObject({ status: 'fail', reason: 'tls-name-mismatch', layers: AT_TLS });
    expect(wrongName.tls?.subject).toBe('wrong.example.net (Fake Apple)');

    // The system's store, which does not hold the test CA.
    const untrusted = await checkAgainst(443, https(certs.genuine));
    expect(untrusted).toMatchObject({ status: 'fail', reason: 'tls-untrusted', layers: AT_TLS });
    expect(untrusted.detail).toMatch(/not trusted by this computer \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT)\)/);
  });

  it('says the handshake failed when the server speaks something else', async () => {
    const check = await checkAgainst(443, { kind: 'garbage' }, { trust: certs.trust });
    expect(check).toMatchObject({ status: 'fail', reason: 'tls-handshake-failed', layers: AT_TLS });
    expect(check.detail).toBe('Connected to gs.apple.com on port 443, but the server answered with something that is not TLS.');
    expect(check.tls).toBeUndefined();
  });
});
