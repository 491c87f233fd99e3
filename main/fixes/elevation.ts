import type { FixResult } from './definition';
import type { ElevatedApply } from './fix-session';
import { helperArguments, parseElevatedReply } from './elevated-helper';

/** @expo/sudo-prompt's exec: one OS prompt (UAC, macOS authorization, polkit), then the command. */
export type SudoExec = (
  command: string,
  options: { name: string },
  callback: (error?: Error, stdout?: string | Buffer, stderr?: string | Buffer) => void,
) => void;

/** What sudo-prompt says when the person closes or refuses the prompt, on every OS. */
const PERMISSION_DENIED = 'User did not grant permission.';
const NO_POLKIT_AGENT = 'No polkit authentication agent found.';

/**
 * Quotes the helper's command line for the shell sudo-prompt hands it to: a batch file on
 * Windows (inside double quotes only % is special), bash elsewhere (single quotes; on Linux the
 * line also passes through double quotes, so $ ` \ " ! are refused outright). Our own arguments
 * are ids and hex; the only outside text is the app's own path, which may hold the user's name
 * (C:\Users\O'Brien & Co\...): quoted, never trusted blindly.
 */
export function elevationCommandLine(argv: readonly string[], platform: NodeJS.Platform): string | { problem: string } {
  if (argv.some(hasControlCharacter)) return { problem: 'an argument holds control characters' };
  if (platform === 'win32') {
    if (argv.some((arg) => arg.includes('"'))) return { problem: 'an argument holds a double quote' };
    return argv.map((arg) => `"${arg.replace(/%/g, '%%')}"`).join(' ');
  }
  if (argv.some((arg) => /[$`\\"!]/.test(arg))) return { problem: 'the app\'s path holds characters ($ ` \\ " !) a shell would read' };
  return argv.map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(' ');
}

function hasControlCharacter(text: string): boolean {
  return [...text].some((char) => (char.codePointAt(0) ?? 0) < 0x20 || char === '\x7f');
}

/**
 * Applies a fix elevated: one prompt per fix, through @expo/sudo-prompt, running this app's
 * elevated helper. A prompt the person cancels is `cancelled`, never `failed`.
 */
export function sudoPromptElevation(
  exec: SudoExec,
  command: readonly string[],
  platform: NodeJS.Platform = process.platform,
): ElevatedApply {
  return (fixId, fingerprint) =>
    new Promise<FixResult>((resolve) => {
      const line = elevationCommandLine([...command, ...helperArguments({ fixId, fingerprint })], platform);
      if (typeof line !== 'string') {
        resolve({
          outcome: { kind: 'needs-admin', why: `administrator rights cannot be asked for safely: ${line.problem}` },
          commands: [],
        });
        return;
      }
      try {
        exec(line, { name: 'Sync Doctor' }, (error, stdout) => {
          const reply = parseElevatedReply(String(stdout ?? ''));
          if (reply) resolve(reply);
          else if (error?.message === PERMISSION_DENIED) resolve({ outcome: { kind: 'cancelled' }, commands: [] });
          else if (error?.message === NO_POLKIT_AGENT)
            resolve({
              outcome: { kind: 'needs-admin', why: 'this desktop has no way to ask for an administrator password (no polkit agent)' },
              commands: [],
            });
          else
            resolve({
              outcome: { kind: 'failed', why: `the elevated fix gave no answer${error ? ` (${error.message.slice(0, 300)})` : ''}` },
              commands: [],
            });
        });
      } catch (error) {
        resolve({
          outcome: { kind: 'failed', why: `administrator rights could not be asked for: ${(error as Error).message}` },
          commands: [],
        });
      }
    });
}
