import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Report, ServerCheck, SystemCheck } from '../../app/contract/check';
import { TEST_ISSUER } from '../fake-internet/world';

export const CLI = path.resolve(import.meta.dirname, '../../bin/sync-doctor.cjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Every proxy variable blanked, so a run never inherits the machine's proxy settings. */
export const noProxyEnv: Readonly<Record<string, string>> = {
  HTTPS_PROXY: '',
  HTTP_PROXY: '',
  https_proxy: '',
  http_proxy: '',
  ALL_PROXY: '',
  all_proxy: '',
  NO_PROXY: '',
  no_proxy: '',
};

/** Runs a Node script (a launcher) in this (test) namespace and collects its output. */
export function runNode(script: string, args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs the built CLI in this (test) namespace, as a user would, and collects its output. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runNode(CLI, args, env);
}

/** The report a `--json` run printed; throws with the run's output when it is not JSON. */
export function parseReport(run: Pick<CliRun, 'code' | 'stdout' | 'stderr'>): Report {
  try {
    return JSON.parse(run.stdout) as Report;
  } catch {
    throw new Error(`The CLI did not print JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** The network check in JSON, trusting the fake internet's test CA as genuine. */
export async function checkJson(extra: readonly string[] = []): Promise<{ run: CliRun; report: Report }> {
  const run = await runCli(['check', '--json', '--only', 'network', '--expect-issuer', TEST_ISSUER, ...extra]);
  return { run, report: parseReport(run) };
}

export function byId(report: Report, id: string) {
  const check = report.checks.find((c) => c.id === id);
  if (!check) throw new Error(`No check ${id} in the report: ${report.checks.map((c) => c.id).join(', ')}`);
  return check;
}

export function server(report: Report, host: string, port: number): ServerCheck {
  const check = byId(report, `server:${host}:${port}`);
  if (check.kind !== 'server') throw new Error(`${check.id} is not a server check`);
  return check;
}

export function system(report: Report, id: string): SystemCheck {
  const check = byId(report, id);
  if (check.group !== 'system') throw new Error(`${check.id} is not a system check`);
  return check;
}
