import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, copyFile, link, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface NamedProcess {
  child: ChildProcess;
  /** First line the process printed (a listener prints its port). */
  firstLine(): Promise<string>;
  pid: number;
  path: string;
  stop(): Promise<void>;
}

/**
 * Starts a real process whose executable has the given file name (a copy of `sleep`), so a test
 * can look for it the way the check looks for Apple's helpers.
 */
export async function startNamedProcess(name: string, program = '/bin/sleep', args: readonly string[] = ['600']): Promise<NamedProcess> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-proc-'));
  const file = path.join(dir, name);
  // A hard link keeps the name without copying node's 100 MB; a copy when /tmp is another disk.
  await link(program, file).catch(() => copyFile(program, file));
  await chmod(file, 0o755);
  const child = spawn(file, [...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  return {
    child,
    firstLine: () =>
      new Promise((resolve) => {
        let text = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('\n')) resolve(text.split('\n')[0]!.trim());
        });
      }),
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
