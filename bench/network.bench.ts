// The network check's speed against its physical limit, on the fake internet with injected
// delays (DNS 40 ms, TLS 60 ms, HTTP 40 ms on every host: about 140 ms end to end, since the
// hosts are independent). Prints ratios; exits 1 when a target is missed.
// The in-process runs get the pool the desktop app gives itself, set before anything starts it.
import '../main/electron/prepare-environment';
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import type { RunEvent } from '../app/contract/check';
import { builtinCatalog } from '../app/catalog/builtin';
import type { Catalog } from '../app/catalog/schema';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from '../main/platform/defaults';
import { runEngine } from '../main/engine/engine';
import { builtinLookupsAtOnce, prepareResolverEnvironment } from '../main/engine/resolver-environment';
import { hostsToResolve, layersFor, networkItems } from '../main/runner/chain';
import { TEST_ISSUER, type Scenario } from '../e2e/fake-internet/world';

const LIMIT_MS = 140;
const ROUNDS = 15;
const CLI = path.resolve('bin/sync-doctor.cjs');
const FLOOR = path.resolve('bench/floor.cjs');
const delays = { dnsMs: 40, tlsMs: 60, httpMs: 40 };

function wall(args: string[]): Promise<number> {
  return timed(args).then((run) => run.ms);
}

/** The bench's own resolver settings stay out of the CLI's environment: it picks its own, as for a user. */
const { UV_THREADPOOL_SIZE: _pool, RES_OPTIONS: _resolver, ...childEnv } = process.env;

function timed(args: string[], env: NodeJS.ProcessEnv = childEnv): Promise<{ ms: number; stdout: string; ok: boolean }> {
  const start = performance.now();
  return new Promise((resolve) =>
    execFile(process.execPath, args, { env }, (error, stdout) => resolve({ ms: performance.now() - start, stdout, ok: !error })),
  );
}

interface Exchange {
  host: string;
  port: number;
  tls: boolean;
  http: boolean;
  ntp: boolean;
}

/**
 * What the network check sends and waits for, for bench/floor.cjs to do with nothing else, in
 * the order the CLI sends its DNS queries (longest chains first).
 */
function exchangesOf(catalog: Catalog): Exchange[] {
  const order = hostsToResolve(catalog);
  const rank = (exchange: Exchange) => order.indexOf(exchange.host.toLowerCase());
  const exchanges = networkItems(catalog).flatMap((item): Exchange[] => {
    switch (item.kind) {
      case 'server':
        return [{ host: item.host, port: item.port, ...layersFor(item.port), ntp: false }];
      case 'port':
        return [{ host: item.host, port: item.port, tls: false, http: false, ntp: false }];
      case 'ntp':
        return [{ host: item.host, port: item.port, tls: false, http: false, ntp: true }];
      default:
        return [];
    }
  });
  return exchanges.sort((a, b) => rank(a) - rank(b));
}

/** The floor gets the thread pool the CLI gives itself for the built-in catalog, set the same way. */
function floorEnv(): NodeJS.ProcessEnv {
  const env = { ...childEnv };
  prepareResolverEnvironment(DEFAULT_TIMEOUT_MS, builtinLookupsAtOnce(DEFAULT_CONCURRENCY), env);
  return env;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The fake internet in its own process, so its servers do not share the engine's event loop. */
async function withWorld<T>(scenario: Scenario, body: () => Promise<T>): Promise<T> {
  const server = spawn(process.execPath, ['e2e/fake-internet/serve.mjs', JSON.stringify(scenario)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`The fake internet stopped before it was ready (exit ${code})`)));
  });
  try {
    return await body();
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGINT');
    await exited;
  }
}

async function inProcessRun(): Promise<{ totalMs: number; firstMs: number; firstProbedMs: number; checks: number }> {
  let start = 0;
  let first = 0;
  let firstProbed = 0;
  let last = 0;
  const report = await runEngine(
    {
      catalog: builtinCatalog(),
      catalogSource: 'built-in',
      groups: ['network'],
      timeoutMs: DEFAULT_TIMEOUT_MS,
      concurrency: DEFAULT_CONCURRENCY,
      extraIssuers: [TEST_ISSUER],
    },
    (event: RunEvent) => {
      const now = performance.now();
      if (event.type === 'run-started') start = now;
      if (event.type === 'check-result') {
        if (!first) first = now;
        if (!firstProbed && event.result.reason !== 'not-testable') firstProbed = now;
        last = now;
      }
    },
  );
  const failures = report.checks.filter((c) => c.status === 'fail');
  if (failures.length > 0) throw new Error(`The bench world should be healthy: ${failures.map((c) => c.id).join(', ')}`);
  return { totalMs: last - start, firstMs: first - start, firstProbedMs: firstProbed - start, checks: report.checks.length };
}

async function main(): Promise<number> {
  const results: { name: string; value: string; ratio?: number; target?: number }[] = [];
  const record = (name: string, value: string, ratio?: number, target?: number) =>
    results.push({ name, value, ...(ratio !== undefined ? { ratio } : {}), ...(target !== undefined ? { target } : {}) });

  await withWorld({ delays }, async () => {
    await inProcessRun(); // warm-up: certificates, JIT
    const runs = [];
    for (let i = 0; i < ROUNDS; i += 1) runs.push(await inProcessRun());
    const total = median(runs.map((r) => r.totalMs));
    const first = median(runs.map((r) => r.firstMs));
    record(`check, runner start to last result (${runs[0]!.checks} checks, warm)`, `${total.toFixed(1)} ms`, total / LIMIT_MS, 1.25);
    record('first result after runner start', `${first.toFixed(1)} ms`);
    record('first probed result (DNS and a connection)', `${median(runs.map((r) => r.firstProbedMs)).toFixed(1)} ms`);

    const cli: number[] = [];
    const coldChecks: number[] = [];
    const baseline: number[] = [];
    const floor: number[] = [];
    const args = [CLI, 'check', '--json', '--only', 'network', '--expect-issuer', TEST_ISSUER];
    const floorArgs = [FLOOR, JSON.stringify(exchangesOf(builtinCatalog()))];
    const envForFloor = floorEnv();
    await wall(args);
    await timed(floorArgs, envForFloor);
    for (let i = 0; i < ROUNDS; i += 1) {
      baseline.push(await wall(['-e', `setTimeout(() => {}, ${LIMIT_MS})`]));
      const run = await timed(args);
      cli.push(run.ms);
      coldChecks.push((JSON.parse(run.stdout) as { durationMs: number }).durationMs);
      const bare = await timed(floorArgs, envForFloor);
      if (!bare.ok) throw new Error('bench/floor.cjs did not get every answer from the bench world');
      floor.push(bare.ms);
    }
    const cliMs = median(cli);
    const baseMs = median(baseline);
    const floorMs = median(floor);
    const cold = median(coldChecks);
    record('check inside a fresh CLI process (first DNS query to last result)', `${cold.toFixed(0)} ms`, cold / LIMIT_MS);
    record('whole CLI process', `${cliMs.toFixed(1)} ms`);
    record(`least a Node program takes (start, wait ${LIMIT_MS} ms, exit)`, `${baseMs.toFixed(1)} ms`);
    record('CLI process vs that least', '', cliMs / baseMs, 1.2);
    record("the check's exchanges alone, bare Node (bench/floor.cjs)", `${floorMs.toFixed(1)} ms`, floorMs / baseMs);
    record('CLI process vs those exchanges alone', '', cliMs / floorMs);
  });

  for (const [label, scenario] of [
    ['every host dropped', { defaultFault: 'drop' }],
    ['DNS packets dropped', { dns: 'dropped' }],
  ] as const) {
    await withWorld(scenario, async () => {
      const deadline = 2000;
      const times: number[] = [];
      for (let i = 0; i < 3; i += 1)
        times.push(await wall([CLI, 'check', '--json', '--only', 'network', '--timeout-ms', String(deadline)]));
      const ms = median(times);
      record(`${label}, deadline ${deadline} ms: whole process`, `${ms.toFixed(0)} ms`, ms / deadline, 1.1);
    });
  }

  let missed = 0;
  for (const r of results) {
    const ratio = r.ratio !== undefined ? `  ratio ${r.ratio.toFixed(2)}x` : '';
    const target = r.target !== undefined ? ` (target ≤ ${r.target}x: ${r.ratio! <= r.target ? 'met' : 'MISSED'})` : '';
    if (r.target !== undefined && r.ratio! > r.target) missed += 1;
    console.log(`${r.name.padEnd(62)} ${r.value.padStart(10)}${ratio}${target}`);
  }
  return missed;
}

void main().then((missed) => process.exit(missed > 0 ? 1 : 0));
