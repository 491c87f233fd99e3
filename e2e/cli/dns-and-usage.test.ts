import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWorld, TEST_ISSUER, type World } from '../fake-internet/world';
import { CLI, checkJson, parseReport, runCli, server } from './run-cli';

let world: World | undefined;

/** Writes a catalog file (the schema line added) into a fresh temporary folder. */
async function writeCatalog(fields: Record<string, unknown>): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sd-catalog-'));
  const file = path.join(dir, 'catalog.json');
  await writeFile(file, JSON.stringify({ schema: 'sync-doctor/catalog@1', ...fields }));
  return { dir, file };
}
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

describe('when DNS itself is the problem', () => {
  it('reports dns-timeout for every name when DNS answers are dropped, and ends by the deadline', async () => {
    world = await startWorld({ dns: 'dropped' });
    const { run, report } = await checkJson(['--timeout-ms', '1000']);
    expect(run.code).toBe(1);
    const reasons = new Set(report.checks.filter((c) => c.reason !== 'not-testable').map((c) => c.reason));
    expect([...reasons]).toEqual(['dns-timeout']);
    // The deadline must hold even while getaddrinfo waits: glibc would retry each question (same
    // socket, same id) and keep the process alive ~10 s. Kept within the deadline, it never retries.
    const questions = world.dnsQuestions();
    expect(questions.length).toBeGreaterThan(0);
    const asked = questions.map((q) => `${q.from} #${q.id} ${q.name} ${q.type}`);
    expect(asked.filter((question, i) => asked.indexOf(question) !== i)).toEqual([]);
  });

  it('says no DNS server answers at all when there is none', async () => {
    world = await startWorld({ dns: 'absent' });
    const { run, report } = await checkJson();
    expect(run.code).toBe(1);
    const albert = server(report, 'albert.apple.com', 443);
    expect(albert).toMatchObject({ status: 'fail', reason: 'dns-failed' });
    expect(albert.detail).toMatch(/no DNS server answers/);
  });
});

describe('the command line', () => {
  it('exits 2 with the usage for a bad flag or a bad number', async () => {
    const bad = await runCli(['check', '--timeout-ms', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--timeout-ms takes a whole number/);
    expect(bad.stdout).toBe('');
    const unknown = await runCli(['check', '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Usage: sync-doctor check/);
  });

  it('names the file, the field and the problem of a malformed catalog, and exits 2', async () => {
    const { dir, file } = await writeCatalog({
      version: '1',
      updated: '2026-01-01',
      source: 'test',
      servers: [{ id: 'x', pattern: 'x.apple.com', purpose: 'p', ports: [70000] }],
      ports: [],
    });
    const run = await runCli(['check', '--catalog', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(/servers\[0\]\.ports\[0\]/);
    const missing = await runCli(['check', '--catalog', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });

  it('checks only what a replacement catalog lists', async () => {
    world = await startWorld();
    const { file } = await writeCatalog({
      version: 'custom-1',
      updated: '2026-11-01',
      source: 'an admin',
      issuerSets: { apple: ['Apple Inc.'] },
      servers: [{ id: 'gs', pattern: 'gs.apple.com', purpose: 'signing', ports: [443], issuers: 'apple' }],
      ports: [],
    });
    const { run, report } = await checkJson(['--catalog', file]);
    expect(report.catalog).toMatchObject({ version: 'custom-1', source: file });
    expect(report.checks.map((c) => c.id)).toEqual(['server:gs.apple.com:443']);
    // --expect-issuer adds the test CA to the entry's own issuer set.
    expect(report.checks[0]?.status).toBe('ok');
    expect(run.code).toBe(0);
  });

  it('without --expect-issuer, a certificate from an unexpected issuer is reported as interception', async () => {
    world = await startWorld();
    const report = parseReport(await runCli(['check', '--json', '--only', 'network', '--timeout-ms', '2000']));
    const albert = server(report, 'albert.apple.com', 443);
    expect(albert).toMatchObject({ status: 'fail', reason: 'tls-intercepted' });
    expect(albert.detail).toContain('Sync Doctor Test Root CA');
  });

  it('cancels on Ctrl-C, still prints the report, and exits 130', async () => {
    world = await startWorld({ delays: { httpMs: 20_000 } });
    const child = spawn(process.execPath, [
      CLI,
      'check',
      '--json',
      '--only',
      'network',
      '--expect-issuer',
      TEST_ISSUER,
      '--timeout-ms',
      '30000',
    ]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait (bounded) until the check is under way: the fake DNS server has been asked.
    for (let i = 0; i < 200 && world.dnsQueries() === 0; i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(world.dnsQueries()).toBeGreaterThan(0);
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(130);
    const report = parseReport({ code: code ?? 99, stdout, stderr });
    expect(report.cancelled).toBe(true);
    expect(report.checks.some((c) => c.reason === 'cancelled' && c.status === 'skipped')).toBe(true);
  });
});
