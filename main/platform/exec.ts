import { execFile } from 'node:child_process';
import { isDeadline, withDeadline } from './deadline';
import { isAbsoluteCommand } from './system-command';

/** Why a command, listing or scan gave nothing to judge. */
export type Trouble = { kind: 'cannot-run'; why: string } | { kind: 'timeout' } | { kind: 'cancelled' };

/** The trouble for work stopped by `signal`: its deadline is a timeout, anything else a cancel. */
export function abortTrouble(signal: AbortSignal): Trouble {
  return isDeadline(signal) ? { kind: 'timeout' } : { kind: 'cancelled' };
}

export type CommandOutcome = { kind: 'ran'; stdout: string; stderr: string; exitCode: number } | Trouble;

interface CommandOptions {
  signal: AbortSignal;
  /** Own deadline of this command, in addition to the signal. */
  timeoutMs?: number;
  /** Output beyond this is cut (and the command killed): a runaway never fills memory. */
  maxBuffer?: number;
}

/**
 * Runs one platform command by its absolute path (see `systemCommand`) with an argument array
 * (never a shell string) and a deadline. Never throws: a missing command gives "cannot-run" with
 * the reason; a non-zero exit is still "ran", because tools like `sc` and `launchctl` answer
 * "not found" with an exit code. A bare name is refused: Windows would look for it in the
 * current folder first.
 */
export function runCommand(file: string, args: readonly string[], options: CommandOptions): Promise<CommandOutcome> {
  return new Promise((resolve) => {
    if (options.signal.aborted) {
      resolve(abortTrouble(options.signal));
      return;
    }
    if (!isAbsoluteCommand(file)) {
      resolve({ kind: 'cannot-run', why: `${file} is not named by its full path, so it is not run` });
      return;
    }
    const signal = withDeadline(options.signal, options.timeoutMs ?? 10_000);
    let child;
    try {
      child = execFile(
        file,
        [...args],
        {
          signal,
          windowsHide: true,
          maxBuffer: options.maxBuffer ?? 8 * 1024 * 1024,
          encoding: 'buffer',
        },
        (error, stdout, stderr) => {
          const decode = (buffer: Buffer) => buffer.toString('utf8');
          if (!error) {
            resolve({ kind: 'ran', stdout: decode(stdout), stderr: decode(stderr), exitCode: 0 });
            return;
          }
          const failure = error as NodeJS.ErrnoException & { code?: string | number };
          if (signal.aborted) {
            resolve(options.signal.aborted ? abortTrouble(options.signal) : { kind: 'timeout' });
            return;
          }
          if (typeof failure.code === 'number') {
            resolve({ kind: 'ran', stdout: decode(stdout), stderr: decode(stderr), exitCode: failure.code });
            return;
          }
          resolve({ kind: 'cannot-run', why: describeSpawnError(file, failure) });
        },
      );
    } catch (error) {
      resolve({ kind: 'cannot-run', why: `${file} could not be started (${(error as Error).message})` });
      return;
    }
    child.on('error', () => undefined);
  });
}

export type RunCommand = typeof runCommand;

function describeSpawnError(file: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `${file} was not found`;
    case 'EACCES':
    case 'EPERM':
      return `not allowed to run ${file}`;
    case 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER':
      return `${file} wrote more output than expected`;
    default:
      return `${file} failed to start (${error.code ?? error.message})`;
  }
}
