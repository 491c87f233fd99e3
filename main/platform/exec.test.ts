import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from './exec';

const signal = () => AbortSignal.timeout(10_000);
const SLEEP = '/bin/sleep';

describe('runCommand (real processes)', () => {
  it('returns output and exit code 0', async () => {
    expect(await runCommand(process.execPath, ['-e', 'process.stdout.write("hi")'], { signal: signal() })).toEqual({
      kind: 'ran',
      stdout: 'hi',
      stderr: '',
      exitCode: 0,
    });
  });

  it('keeps the output of a non-zero exit, as sc and launchctl answer "not found"', async () => {
    const outcome = await runCommand(process.execPath, ['-e', 'console.error("missing"); process.exit(113)'], { signal: signal() });
    expect(outcome).toEqual({ kind: 'ran', stdout: '', stderr: 'missing\n', exitCode: 113 });
  });

  it('passes arguments as they are, never through a shell', async () => {
    const tricky = '"; echo pwned; $(id) `id` & |';
    const outcome = await runCommand(process.execPath, ['-e', 'process.stdout.write(process.argv[1])', tricky], { signal: signal() });
    expect(outcome).toMatchObject({ kind: 'ran', stdout: tricky });
  });

  it('says "cannot run" for a missing command instead of throwing', async () => {
    const missing = '/nonexistent/sc.exe';
    expect(await runCommand(missing, ['query'], { signal: signal() })).toEqual({ kind: 'cannot-run', why: `${missing} was not found` });
  });

  it('refuses a command named without its full path (Windows searches the current folder first)', async () => {
    const cwd = process.cwd();
    const folder = await mkdtemp(path.join(tmpdir(), 'sd-planted-'));
    // A planted program in the current folder, named like a system command.
    await writeFile(path.join(folder, 'reg'), '#!/bin/sh\necho planted\n', { mode: 0o755 });
    try {
      process.chdir(folder);
      for (const bare of ['reg', './reg', 'reg.exe', 'System32\\reg.exe']) {
        expect(await runCommand(bare, ['query'], { signal: signal() }), bare).toEqual({
          kind: 'cannot-run',
          why: `${bare} is not named by its full path, so it is not run`,
        });
      }
    } finally {
      process.chdir(cwd);
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('stops a command at its own deadline', async () => {
    expect(await runCommand(SLEEP, ['30'], { signal: signal(), timeoutMs: 100 })).toEqual({ kind: 'timeout' });
  });

  it('stops when the run is cancelled', async () => {
    const controller = new AbortController();
    const pending = runCommand(SLEEP, ['30'], { signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ kind: 'cancelled' });
    expect(await runCommand(SLEEP, ['30'], { signal: controller.signal })).toEqual({ kind: 'cancelled' });
  });

  it('cuts runaway output', async () => {
    const outcome = await runCommand(process.execPath, ['-e', 'process.stdout.write("x".repeat(100000))'], {
      signal: signal(),
      maxBuffer: 1000,
    });
    expect(outcome).toMatchObject({ kind: 'cannot-run' });
  });
});
