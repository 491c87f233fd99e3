import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../app/contract/check';
import { noProxyEnv, parseReport, runCli, server, system } from '../cli/run-cli';
import { startWorld, TEST_ISSUER, type World } from '../fake-internet/world';
import { startTinyproxy, type Tinyproxy } from './tinyproxy';

// The CLI inside the fake internet, through Debian's tinyproxy, as a user behind a proxy runs it.
async function checkThrough(proxyUrl: string, only: 'network' | 'system' = 'network'): Promise<Report> {
  const run = await runCli(['check', '--json', '--only', only, '--expect-issuer', TEST_ISSUER, '--timeout-ms', '4000'], {
    ...noProxyEnv,
    https_proxy: proxyUrl,
    http_proxy: proxyUrl,
  });
  return parseReport(run);
}

describe('network checks through a real proxy (tinyproxy)', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ faults: { 'xp.apple.com': 'drop' } });
  });
  afterAll(() => world.stop());

  describe('an open proxy', () => {
    let proxy: Tinyproxy;
    let report: Report;
    beforeAll(async () => {
      proxy = await startTinyproxy();
      report = await checkThrough(proxy.url);
    });
    afterAll(() => proxy.stop());

    it('carries HTTPS through CONNECT with the genuine certificate, and says so', () => {
      const gs = server(report, 'gs.apple.com', 443);
      expect(gs).toMatchObject({ status: 'ok', via: proxy.url, layers: { tls: 'ok', http: 'ok' } });
      expect(proxy.log()).toMatch(/CONNECT gs\.apple\.com:443/);
    });

    it('sends plain HTTP to the proxy in absolute form', () => {
      expect(server(report, 'gs.apple.com', 80)).toMatchObject({ status: 'ok', via: proxy.url });
      expect(proxy.log()).toMatch(/GET http:\/\/gs\.apple\.com\//);
    });

    it('reports what the proxy meets upstream as the proxy saw it', () => {
      // xp.apple.com drops every packet: the proxy's own connection upstream gets no answer, so
      // the CONNECT is never answered and the check's deadline ends it as a drop, not a refusal.
      const xp = server(report, 'xp.apple.com', 443);
      expect(xp).toMatchObject({
        status: 'fail',
        reason: 'tcp-timeout',
        via: proxy.url,
        layers: { tcp: 'fail', tls: 'not-run', http: 'not-run' },
      });
      expect(xp.detail).toMatch(/^No answer from xp\.apple\.com on port 443/);
      expect(proxy.log()).toMatch(/CONNECT xp\.apple\.com:443/);
    });

    it('leaves non-web ports direct', () => {
      const push = server(report, 'courier.push.apple.com', 5223);
      expect(push).toMatchObject({ status: 'ok', reason: 'ok', layers: { tcp: 'ok', tls: 'ok' } });
      expect(push.via).toBeUndefined();
      // (Its port 443 row does go through the proxy; 5223 never does.)
      expect(proxy.log()).not.toMatch(/courier\.push\.apple\.com:5223/);
    });
  });

  describe('a proxy that requires a password', () => {
    let proxy: Tinyproxy;
    beforeAll(async () => {
      proxy = await startTinyproxy({ auth: { user: 'alice', password: 's3cret' } });
    });
    afterAll(() => proxy.stop());

    it('without one: the proxy asks for it (407), reported as the proxy blocking', async () => {
      const report = await checkThrough(proxy.url);
      const gs = server(report, 'gs.apple.com', 443);
      expect(gs).toMatchObject({ status: 'fail', reason: 'http-blocked', via: proxy.url });
      expect(gs.detail).toMatch(/asks for a password \(HTTP 407/);
      expect(server(report, 'gs.apple.com', 80)).toMatchObject({ status: 'fail', reason: 'http-blocked' });
    });

    it('with a wrong one: says the password was rejected', async () => {
      const report = await checkThrough(`http://alice:wrong@127.0.0.1:${proxy.port}`);
      const gs = server(report, 'gs.apple.com', 443);
      expect(gs).toMatchObject({ status: 'fail', reason: 'http-blocked' });
      expect(gs.detail).toContain('rejected the user name and password');
      expect(JSON.stringify(report)).not.toContain('wrong@');
    });

    it('with the right one: gets through, and the password never appears in the report', async () => {
      const report = await checkThrough(`http://alice:s3cret@127.0.0.1:${proxy.port}`);
      expect(server(report, 'gs.apple.com', 443)).toMatchObject({ status: 'ok', via: proxy.url });
      expect(server(report, 'gs.apple.com', 80)).toMatchObject({ status: 'ok' });
      expect(JSON.stringify(report)).not.toContain('s3cret');
    });
  });

  it('a proxy that only tunnels to 443 refuses the rest (403), worded as the proxy refusing', async () => {
    const proxy = await startTinyproxy({ connectPorts: [5223] });
    try {
      const report = await checkThrough(proxy.url);
      const gs = server(report, 'gs.apple.com', 443);
      expect(gs).toMatchObject({ status: 'fail', reason: 'http-blocked' });
      expect(gs.detail).toMatch(/refuses to connect to gs\.apple\.com on port 443 \(HTTP 403/);
    } finally {
      await proxy.stop();
    }
  });

  it('a proxy that is down: the checks say the proxy refuses, and the proxy check says so too', async () => {
    const proxy = await startTinyproxy();
    const url = proxy.url;
    await proxy.stop();
    const network = await checkThrough(url);
    expect(server(network, 'gs.apple.com', 443)).toMatchObject({ status: 'fail', reason: 'tcp-refused', via: url });
    const report = await checkThrough(url, 'system');
    expect(system(report, 'proxy:https')).toMatchObject({ status: 'fail', reason: 'proxy-unreachable', facts: { proxy: url } });
  });

  it('the proxy check reports the proxy in use', async () => {
    const proxy = await startTinyproxy();
    try {
      const report = await checkThrough(proxy.url, 'system');
      expect(system(report, 'proxy:https')).toMatchObject({
        status: 'ok',
        reason: 'proxy-in-use',
        facts: { proxy: proxy.url, source: 'environment HTTPS_PROXY' },
      });
    } finally {
      await proxy.stop();
    }
  });
});
