import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface Tinyproxy {
  port: number;
  url: string;
  /** What tinyproxy logged (connections, refusals), for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

export interface TinyproxyOptions {
  /** Require this user name and password (BasicAuth). */
  auth?: { user: string; password: string };
  /** Ports CONNECT may reach; absent: any (tinyproxy allows every port when no ConnectPort is set). */
  connectPorts?: number[];
}

/**
 * Starts Debian's tinyproxy in the foreground (-d) with its own config on a free loopback port,
 * waits until it accepts connections, and stops it (by its own pid) at the end.
 */
export async function startTinyproxy(options: TinyproxyOptions = {}): Promise<Tinyproxy> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-tinyproxy-'));
  const config = path.join(dir, 'tinyproxy.conf');
  await writeFile(
    config,
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 15',
      'MaxClients 200',
      'LogLevel Connect',
      'Allow 127.0.0.1',
      'DisableViaHeader No',
      ...(options.auth ? [`BasicAuth ${options.auth.user} ${options.auth.password}`] : []),
      ...(options.connectPorts ?? []).map((p) => `ConnectPort ${p}`),
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('tinyproxy', ['-d', '-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`tinyproxy could not start (${error.message}); apt-get install tinyproxy`)));
    child.once('exit', (code) => reject(new Error(`tinyproxy exited (${code}) before it was ready:\n${log}`)));
  });
  failed.catch(() => undefined);
  await Promise.race([waitForPort(port), failed]);
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    log: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        // tinyproxy may linger on SIGTERM while it drains connections: give it a moment, then kill it.
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const graceOver = new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)));
        await Promise.race([exited, graceOver]);
        clearTimeout(timer);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGKILL');
          await exited;
        }
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Readiness: the first successful TCP connection (a named event, not a sleep). */
async function waitForPort(port: number): Promise<void> {
  const deadline = AbortSignal.timeout(10_000);
  while (!deadline.aborted) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`tinyproxy did not accept connections on port ${port}`);
}
