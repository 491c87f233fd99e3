#!/usr/bin/env node
// System checks: what listing processes costs with ps-list versus systeminformation (the
// choice behind main/system/processes/list.ts), and the wall time and peak memory of the whole
// system scan (`sync-doctor check --only system`) on this machine. Prints figures; each
// measurement runs in its own Node process so peak memory is that job's alone.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = 10;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sd-bench-system-'));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// A process with a name longer than Linux's 15-character comm, to see which library names it fully.
const longName = 'AppleMobileDeviceService.exe';
const sleeper = path.join(tmp, longName);
copyFileSync('/bin/sleep', sleeper);
chmodSync(sleeper, 0o755);
const named = spawn(sleeper, ['300'], { stdio: 'ignore' });

const lister = path.join(tmp, 'list.mjs');
writeFileSync(
  lister,
  `import { readFileSync } from 'node:fs';
const which = process.argv[2];
const ticks = () => { const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' '); return Number(f[13]) + Number(f[14]); };
const list = which === 'ps-list'
  ? (await import(${JSON.stringify(path.join(root, 'node_modules/ps-list/index.js'))})).default
  : (await import(${JSON.stringify(path.join(root, 'node_modules/systeminformation/lib/index.js'))})).default.processes;
const rows = (result) => (Array.isArray(result) ? result : result.list);
const firstStart = performance.now();
await list(); // first call: module set-up, first spawn
const firstMs = performance.now() - firstStart;
const walls = []; let cpuUs = 0; let childTicks = 0;
let count = 0; let full = false;
for (let i = 0; i < ${RUNS}; i++) {
  // systeminformation answers from a cache for 500 ms after a call: wait it out so both really list.
  await new Promise((resolve) => setTimeout(resolve, 550));
  const before = process.cpuUsage(); const childBefore = ticks(); const start = performance.now();
  const found = rows(await list());
  walls.push(performance.now() - start);
  const used = process.cpuUsage(before); cpuUs += used.user + used.system; childTicks += ticks() - childBefore;
  count = found.length;
  full = found.some((p) => p.name === ${JSON.stringify(longName)});
}
walls.sort((a, b) => a - b);
console.log(JSON.stringify({ firstMs, medianMs: walls[Math.floor(walls.length / 2)], selfCpuMs: cpuUs / 1000 / ${RUNS}, childCpuMs: (childTicks * 10) / ${RUNS}, peakRssMb: process.resourceUsage().maxRSS / 1024, processes: count, fullNames: full }));
`,
);

console.log(
  `Process listing: the first call, then the median of ${RUNS} calls 550 ms apart (this machine: ${os.cpus().length} cores, Node ${process.version})`,
);
console.log('library            first ms   wall ms   own CPU ms   child CPU ms   peak RSS MB   processes   full 28-char name');
for (const library of ['ps-list', 'systeminformation']) {
  const result = spawnSync(process.execPath, [lister, library], { encoding: 'utf8', cwd: root });
  if (result.status !== 0) {
    console.log(`${library}: failed\n${result.stderr}`);
    continue;
  }
  const r = JSON.parse(result.stdout.trim().split('\n').pop());
  console.log(
    `${library.padEnd(18)} ${r.firstMs.toFixed(1).padStart(8)}   ${r.medianMs.toFixed(1).padStart(7)}   ${r.selfCpuMs.toFixed(1).padStart(10)}   ${r.childCpuMs.toFixed(1).padStart(12)}   ${r.peakRssMb.toFixed(1).padStart(11)}   ${String(r.processes).padStart(9)}   ${r.fullNames ? 'yes' : 'no'}`,
  );
}
named.kill('SIGKILL');

// The whole system scan through the built CLI. No time server in this catalog: the clock check
// would otherwise wait on a network that the benchmark does not have.
const catalog = JSON.parse(
  spawnSync(process.execPath, ['-e', "process.stdout.write(JSON.stringify(require('./app/catalog/catalog.json')))"], {
    cwd: root,
    encoding: 'utf8',
  }).stdout,
);
delete catalog.ntp;
const catalogFile = path.join(tmp, 'catalog.json');
writeFileSync(catalogFile, JSON.stringify(catalog));
const probe = path.join(tmp, 'peak.cjs');
writeFileSync(probe, "process.on('exit', () => process.stderr.write('\\nPEAK ' + process.resourceUsage().maxRSS + '\\n'));\n");
const walls = [];
const engine = [];
const peaks = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--require', probe, path.join(root, 'bin/sync-doctor.cjs'), 'check', '--only', 'system', '--json', '--catalog', catalogFile],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  walls.push(performance.now() - start);
  const report = JSON.parse(run.stdout);
  engine.push(report.durationMs);
  peaks.push(Number(/PEAK (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024);
  if (i === 0) console.log(`\nSystem scan: ${report.checks.length} checks (${JSON.stringify(report.summary)})`);
}
console.log(
  `system scan, median of ${RUNS} CLI runs: ${median(walls).toFixed(0)} ms wall (process start to exit), ${median(engine)} ms in the engine, peak RSS ${median(peaks).toFixed(1)} MB (max ${Math.max(...peaks).toFixed(1)} MB)`,
);
rmSync(tmp, { recursive: true, force: true });
