import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../app/contract/check';
import { REDIRECT_SERVER, REDIRECT_TARGET, startWorld, type World } from '../fake-internet/world';
import { byId, checkJson, server, type CliRun } from './run-cli';

// One world where every host has a different fault, so one run covers every outcome.
describe('sync-doctor check against a broken fake internet', () => {
  let world: World;
  let run: CliRun;
  let report: Report;
  beforeAll(async () => {
    world = await startWorld({
      faults: {
        'appldnld.apple.com': 'drop',
        'configuration.apple.com': 'reset',
        'updates.cdn-apple.com': 'intercept',
        'updates-http.cdn-apple.com': 'portal',
        'deimos3.apple.com': 'expired',
        'gg.apple.com': 'wrong-name',
        'gs.apple.com': 'hosts-redirect',
        'itunes.apple.com': 'nxdomain',
        'init.itunes.apple.com': 'hang',
        'mesu.apple.com': 'garbage',
        'a3.mzstatic.com': 'untrusted',
        'skl.apple.com': 'servfail',
        'swscan.apple.com': 'unreachable',
        'xp.apple.com': 'hosts-block',
        'courier.push.apple.com': 'proxy-block',
        'evintl-ocsp.verisign.com': 'nxdomain',
        'ocsp.digicert.com': 'garbage',
        'crl3.digicert.com': 'hang',
      },
      ntpClockOffsetMs: -3 * 3600_000,
    });
    ({ run, report } = await checkJson(['--timeout-ms', '1500']));
  });
  afterAll(() => world.stop());

  it('exits 1 because checks failed, and still reports every check', () => {
    expect(run.code).toBe(1);
    expect(report.summary.fail).toBeGreaterThan(10);
    expect(server(report, 'albert.apple.com', 443).status).toBe('ok');
  });

  it.each([
    ['appldnld.apple.com', 443, 'tcp-timeout', /dropped/],
    ['appldnld.apple.com', 80, 'tcp-timeout', /dropped/],
    ['configuration.apple.com', 443, 'tcp-refused', /refused/],
    ['updates.cdn-apple.com', 443, 'tls-intercepted', /Contoso Web Shield Root CA/],
    ['updates-http.cdn-apple.com', 80, 'http-blocked', /login\.portal\.example/],
    ['deimos3.apple.com', 443, 'tls-expired', /expired/],
    ['gg.apple.com', 443, 'tls-name-mismatch', /different name/],
    ['gs.apple.com', 443, 'dns-redirected', /198\.18\.254\.1/],
    ['itunes.apple.com', 443, 'dns-nxdomain', /does not exist/],
    ['init.itunes.apple.com', 443, 'tls-handshake-failed', /never completed/],
    ['mesu.apple.com', 443, 'tls-handshake-failed', /not TLS/],
    ['a3.mzstatic.com', 443, 'tls-untrusted', /not trusted/],
    ['skl.apple.com', 443, 'dns-failed', /SERVFAIL/],
    ['swscan.apple.com', 443, 'tcp-unreachable', /unreachable/],
    ['xp.apple.com', 443, 'dns-redirected', /0\.0\.0\.0.*block list/],
    ['courier.push.apple.com', 443, 'http-blocked', /squid/],
    ['ocsp.digicert.com', 80, 'http-error', /not HTTP/],
    ['crl3.digicert.com', 80, 'http-error', /did not answer in time/],
  ] as const)('%s:%i fails with %s', (host, port, reason, detail) => {
    const check = server(report, host, port);
    expect(check.status).toBe('fail');
    expect(check.reason).toBe(reason);
    expect(check.detail).toMatch(detail);
  });

  it('reports the layer that failed and leaves the later ones not run', () => {
    expect(server(report, 'configuration.apple.com', 443).layers).toEqual({ dns: 'ok', tcp: 'fail', tls: 'not-run', http: 'not-run' });
    expect(server(report, 'updates.cdn-apple.com', 443).layers).toEqual({ dns: 'ok', tcp: 'ok', tls: 'fail', http: 'not-run' });
    expect(server(report, 'itunes.apple.com', 443).layers.dns).toBe('fail');
  });

  it('names the intercepting issuer and the answers of both resolvers', () => {
    expect(server(report, 'updates.cdn-apple.com', 443).tls).toMatchObject({ trusted: false });
    expect(server(report, 'updates.cdn-apple.com', 443).tls?.issuer).toContain('Contoso');
    const gs = server(report, 'gs.apple.com', 443);
    expect(gs.dns).toEqual({ system: ['198.18.254.1'], direct: [world.addressOf('gs.apple.com')] });
  });

  it('names the hosts-file line behind the redirect of gs.apple.com, whose address refuses', () => {
    const gs = server(report, 'gs.apple.com', 443);
    expect(gs.layers).toEqual({ dns: 'warn', tcp: 'fail', tls: 'not-run', http: 'not-run' });
    expect(gs.detail).toMatch(/was refused/);
    expect(gs.detail).toContain(`line 3: "${REDIRECT_TARGET} gs.apple.com"`);
  });

  it('treats a legacy name that does not resolve as a warning, not a failure', () => {
    expect(server(report, 'evintl-ocsp.verisign.com', 80)).toMatchObject({ status: 'warn', reason: 'dns-nxdomain' });
    expect(server(report, 'evintl-ocsp.verisign.com', 80).detail).toMatch(/retired/);
  });

  it('reaches push on 5223 even though its web answer on 443 is a proxy page', () => {
    expect(server(report, 'courier.push.apple.com', 5223)).toMatchObject({ status: 'ok', layers: { tls: 'ok', http: 'not-run' } });
  });

  it('reports a clock three hours ahead of the time server as clock skew', () => {
    const ntp = byId(report, 'ntp:time.apple.com');
    expect(ntp).toMatchObject({ status: 'fail', reason: 'clock-skew' });
    expect(ntp.kind === 'ntp' && ntp.offsetMs).toBeGreaterThan(2.9 * 3600_000);
    expect(ntp.detail).toMatch(/3\.0 hours ahead/);
  });
});

// The 3194 case: an old jailbreak tool's hosts line sends gs.apple.com to a server that still
// answers, with a certificate for its own name. The cause is the altered answer, not the certificate.
describe('sync-doctor check with a hosts-file line sending gs.apple.com to a server that answers', () => {
  let world: World;
  let report: Report;
  beforeAll(async () => {
    world = await startWorld({ faults: { 'gs.apple.com': 'hosts-redirect-server' } });
    ({ report } = await checkJson(['--timeout-ms', '3000']));
  });
  afterAll(() => world.stop());

  it('reports dns-redirected on gs.apple.com:443, says what answered there, and names the hosts line', () => {
    const gs = server(report, 'gs.apple.com', 443);
    expect(gs).toMatchObject({
      status: 'fail',
      reason: 'dns-redirected',
      layers: { dns: 'warn', tcp: 'ok', tls: 'fail', http: 'not-run' },
      dns: { system: [REDIRECT_SERVER], direct: [world.addressOf('gs.apple.com')] },
    });
    expect(gs.detail).toMatch(/^This computer sends gs\.apple\.com to 198\.18\.254\.2, but the name servers say /);
    expect(gs.detail).toMatch(/A server there answered with a certificate for wrong\.example\.net .*, so it is not gs\.apple\.com\./);
    expect(gs.detail).toMatch(
      new RegExp(`The hosts file /etc/hosts does it, line 3: "${REDIRECT_SERVER} gs.apple.com".$`.replace(/\./g, '\\.')),
    );
  });

  it('only warns on gs.apple.com:80, which the other server answers', () => {
    const gs = server(report, 'gs.apple.com', 80);
    expect(gs).toMatchObject({ status: 'warn', reason: 'dns-redirected', layers: { dns: 'warn', tcp: 'ok', http: 'ok' } });
    expect(gs.detail).toMatch(/^Reachable: .* But this computer resolves gs\.apple\.com to 198\.18\.254\.2/);
  });

  it('leaves the other hosts alone', () => {
    expect(server(report, 'albert.apple.com', 443)).toMatchObject({ status: 'ok', reason: 'ok' });
  });
});
