import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startListener, type RunningListener } from '../../test-support/web-server';
import { withDeadline } from '../platform/deadline';
import { probeTcp } from '../probes/tcp';
import type { Connect } from '../proxy/connector';
import { unresolvableDnsCache } from '../../test-support/recording-dns';
import { serverTask } from './server-task';

// The server check's own logic, with DNS answered by a stand-in system resolver and the
// connection made to a loopback server through the Connect seam (what a proxy route does).
describe('a server check when this computer cannot resolve the name', () => {
  let web: RunningListener;
  beforeAll(async () => {
    web = await startListener({ address: '127.0.0.1', port: 0, behaviour: { kind: 'http', answer: { status: 200 } } });
  });
  afterAll(() => web.close());

  const target = { entryId: 'gs', host: 'gs.apple.com', port: 80, purpose: 'signing', expectedIssuers: [] };

  it('goes through the proxy, which resolves names itself, and says so', async () => {
    const viaProxy: Connect = async (addresses, _port, signal) => {
      expect(addresses).toEqual([]);
      const tcp = await probeTcp('127.0.0.1', web.port, signal);
      return { ...tcp, via: 'http://proxy.corp.example:3128' };
    };
    const check = await serverTask(target, unresolvableDnsCache(), { connect: viaProxy }).run(withDeadline(undefined, 3000));
    expect(check).toMatchObject({
      status: 'ok',
      reason: 'ok',
      via: 'http://proxy.corp.example:3128',
      layers: { dns: 'warn', tcp: 'ok', http: 'ok' },
    });
    expect(check.detail).toMatch(/cannot look up gs\.apple\.com itself .* but the proxy/);
  });

  it('without a proxy, reports the DNS failure', async () => {
    let asked = 0;
    const direct: Connect = async () => {
      asked += 1;
      return { kind: 'unreachable', address: '', code: 'ENOADDRESS', ms: 0 };
    };
    const check = await serverTask(target, unresolvableDnsCache(), { connect: direct }).run(withDeadline(undefined, 3000));
    expect(check).toMatchObject({ status: 'fail', reason: 'dns-nxdomain', layers: { dns: 'fail', tcp: 'not-run' } });
    expect(asked).toBe(1);
  });
});
