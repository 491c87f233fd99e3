// How long the diagnosis takes for a 60-check report: the healthy run captured in the fake
// internet plus a handful of faults and this computer's checks, diagnosed over and over. A
// figure, not a test: it prints and never asserts.
import type { CheckResult } from '../app/contract/check';
import { diagnose } from '../app/diagnosis/diagnose';
import { judgeErrorCode } from '../app/diagnosis/explain-code';
import { failAt, healthyChecks, intercepted, plus, systemCheck, withChecks } from '../app/diagnosis/fixtures/runs';

function sixtyChecks(): CheckResult[] {
  const faulty = withChecks(healthyChecks(), {
    'server:gs.apple.com:443': { ...failAt.refused },
    'server:mesu.apple.com:443': intercepted(),
    'server:updates.cdn-apple.com:443': intercepted(),
    'server:courier.push.apple.com:5223': failAt.timeout,
    'ntp:time.apple.com': { status: 'fail', reason: 'clock-skew', detail: 'The clock is 3.0 hours ahead.' },
  });
  return plus(
    faulty,
    systemCheck('service:mobile-device', 'service', 'fail', 'service-stopped', 'Apple Mobile Device Service is stopped.'),
    systemCheck('service:bonjour', 'service', 'warn', 'service-stopped', 'Bonjour Service is stopped.'),
    systemCheck('service:edition', 'service', 'ok', 'ok', 'Installed: iTunes.'),
    systemCheck('firewall:products', 'firewall', 'warn', 'security-product', 'Active: Contoso Web Shield.', { facts: { products: 'Contoso Web Shield' } }),
    systemCheck('device:usbmux', 'device', 'warn', 'device-not-trusted', 'An iPhone does not trust this computer.'),
    systemCheck('device:usb-driver', 'device', 'ok', 'ok', 'The Apple USB driver works.'),
    systemCheck('hosts:extra', 'hosts', 'ok', 'ok', 'Fine.'),
  );
}

const checks = sixtyChecks();
const ROUNDS = 2000;
for (let i = 0; i < 200; i++) diagnose(checks);
const times: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const start = process.hrtime.bigint();
  const findings = diagnose(checks);
  judgeErrorCode('3194', checks, findings);
  times.push(Number(process.hrtime.bigint() - start) / 1000);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
console.log(`diagnose + check --error 3194 on a ${checks.length}-check report (${diagnose(checks).length} findings), ${ROUNDS} rounds:`);
console.log(`  median ${at(0.5).toFixed(0)} µs, p95 ${at(0.95).toFixed(0)} µs, max ${at(1).toFixed(0)} µs`);
