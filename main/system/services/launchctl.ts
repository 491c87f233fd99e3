type LaunchdState =
  { kind: 'found'; state: string; pid: number | null; program: string | null } | { kind: 'missing' } | { kind: 'not-understood' };

/**
 * Reads `launchctl print system/<label>` (macOS 10.10+). Only the service's own top-level
 * "state = ..." and "pid = ..." lines count (nested blocks have their own "state" lines for
 * endpoints and sockets). Exit 113 means there is no such service. Pure.
 */
export function parseLaunchctlPrint(text: string, exitCode: number): LaunchdState {
  if (exitCode === 113 || /could not find service/i.test(text)) return { kind: 'missing' };
  let depth = 0;
  let state: string | undefined;
  let pid: number | null = null;
  let program: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (depth === 1) {
      const pair = /^([a-z ]+?)\s*=\s*(.*)$/.exec(trimmed);
      if (pair && !pair[2]!.endsWith('{')) {
        if (pair[1] === 'state') state = pair[2]!;
        else if (pair[1] === 'pid' && /^\d+$/.test(pair[2]!)) pid = Number(pair[2]);
        else if (pair[1] === 'program') program = pair[2]!;
      }
    }
    if (trimmed.endsWith('{')) depth++;
    if (trimmed === '}' || trimmed.startsWith('}')) depth = Math.max(0, depth - 1);
  }
  return state === undefined ? { kind: 'not-understood' } : { kind: 'found', state, pid, program };
}
