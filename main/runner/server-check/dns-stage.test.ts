import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDeadline } from '../../platform/deadline';
import type { SystemLookup } from '../../probes/dns';
import { DnsCache } from '../dns-cache';
import { loopbackRoutes } from '../../../test-support/loopback-routes';
import { recordingDnsCache, unresolvableDnsCache } from '../../../test-support/recording-dns';
import { asServerCheck, GENUINE_ADDRESS, hostsFileWith, nameServers, serverTarget } from '../../../test-support/server-check';
import { serverTask } from '../server-task';

const failsWith =
  (code: string): SystemLookup =>
  () =>
    Promise.reject(Object.assign(new Error(`getaddrinfo ${code}`), { code }));

const NOT_RUN_AFTER_DNS = { tcp: 'not-run', tls: 'not-run', http: 'not-run' } as const;

describe('the DNS stage of a server check', () => {
  let answering: Awaited<ReturnType<typeof nameServers>>;
  let failing: Awaited<ReturnType<typeof nameServers>>;
  beforeAll(async () => {
    answering = await nameServers({ kind: 'answer', addresses: [GENUINE_ADDRESS] });
    failing = await nameServers({ kind: 'servfail' });
  });
  afterAll(async () => {
    await answering.close();
    await failing.close();
  });

  it('stops at a blocking answer, connects nowhere, and names the hosts-file line', async () => {
    const { cache } = recordingDnsCache(['0.0.0.0'], answering.servers);
    const routes = loopbackRoutes({});
    const hostsFile = await hostsFileWith('0.0.0.0 gs.apple.com');
    const check = asServerCheck(
      await serverTask(serverTarget(443), cache, { connect: routes.connect, hostsFile }).run(withDeadline(undefined, 5000)),
    );
    expect(check).toMatchObject({ status: 'fail', reason: 'dns-redirected', layers: { dns: 'fail', ...NOT_RUN_AFTER_DNS } });
    expect(check.detail).toMatch(/gs\.apple\.com is blocked on this computer: it resolves to 0\.0\.0\.0/);
    expect(check.detail).toContain(`The hosts file ${hostsFile} does it, line 2: "0.0.0.0 gs.apple.com".`);
    expect(check.dns).toEqual({ system: ['0.0.0.0'], direct: [GENUINE_ADDRESS] });
    expect(routes.tried).toEqual([]);
  });

  it('says the DNS server failed when both resolvers fail (SERVFAIL)', async () => {
    const cache = new DnsCache({ servers: failing.servers, systemLookup: failsWith('EAI_AGAIN') });
    const check = asServerCheck(
      await serverTask(serverTarget(443), cache, { connect: loopbackRoutes({}).connect }).run(withDeadline(undefined, 5000)),
    );
    expect(check).toMatchObject({ status: 'fail', reason: 'dns-failed', layers: { dns: 'fail', ...NOT_RUN_AFTER_DNS } });
    expect(check.detail).toMatch(/SERVFAIL/);
  });

  it('says the name does not exist, and blames something local when the name servers know it', async () => {
    const connect = loopbackRoutes({}).connect;
    const missing = asServerCheck(
      await serverTask(serverTarget(443), unresolvableDnsCache(failing.servers), { connect }).run(withDeadline(undefined, 5000)),
    );
    expect(missing).toMatchObject({ status: 'fail', reason: 'dns-nxdomain', layers: { dns: 'fail' } });
    expect(missing.detail).toMatch(/does not exist according to your DNS server/);

    const hidden = asServerCheck(
      await serverTask(serverTarget(443), unresolvableDnsCache(answering.servers), { connect }).run(withDeadline(undefined, 5000)),
    );
    expect(hidden).toMatchObject({ status: 'fail', reason: 'dns-nxdomain' });
    expect(hidden.detail).toMatch(/something local \(hosts file, security software\) hides it/);
  });

  it('only warns when an old name Apple may have retired does not resolve', async () => {
    const target = serverTarget(80, { legacy: true });
    const check = asServerCheck(
      await serverTask(target, unresolvableDnsCache(failing.servers), { connect: loopbackRoutes({}).connect }).run(
        withDeadline(undefined, 5000),
      ),
    );
    expect(check).toMatchObject({
      status: 'warn',
      reason: 'dns-nxdomain',
      layers: { dns: 'warn', tcp: 'not-run', tls: 'not-applicable', http: 'not-run' },
    });
    expect(check.detail).toMatch(/retired/);
  });

  it('says no DNS answer came in time when the lookup timed out', async () => {
    const cache = new DnsCache({ servers: failing.servers, systemLookup: failsWith('ETIMEOUT') });
    const check = asServerCheck(
      await serverTask(serverTarget(443), cache, { connect: loopbackRoutes({}).connect }).run(withDeadline(undefined, 5000)),
    );
    expect(check).toMatchObject({ status: 'fail', reason: 'dns-timeout', layers: { dns: 'fail', ...NOT_RUN_AFTER_DNS } });
  });

  it('reports both answers when they agree and passes the DNS layer', async () => {
    const { cache } = recordingDnsCache([GENUINE_ADDRESS], answering.servers);
    const routes = loopbackRoutes({ [`${GENUINE_ADDRESS}:443`]: 'unreachable' });
    const check = asServerCheck(await serverTask(serverTarget(443), cache, { connect: routes.connect }).run(withDeadline(undefined, 5000)));
    expect(check.layers.dns).toBe('ok');
    expect(check.dns).toEqual({ system: [GENUINE_ADDRESS], direct: [GENUINE_ADDRESS] });
    expect(check.timings.dnsMs).toBeTypeOf('number');
    expect(routes.tried).toEqual([`${GENUINE_ADDRESS}:443`]);
  });
});
