import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface NamedProcess {
  child: ChildProcess;
  pid: number;
  path: string;
  stop(): Promise<void>;
}

/**
 * Starts a real process whose executable has the given file name (a copy of `sleep`), so a test
 * can look for it the way the check looks for Apple's helpers.
 */
export async function startNamedProcess(name: string): Promise<NamedProcess> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-proc-'));
  const file = path.join(dir, name);
  await copyFile('/bin/sleep', file);
  await chmod(file, 0o755);
  const child = spawn(file, ['600'], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  return {
    child,
    pid: child.pid!,
    path: file,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
