import { FINDING_IDS, type FindingId } from '../../app/diagnosis/finding';
import type { CheckCommand } from './args';

/** `sync-doctor fix`: list, preview (the default), apply (--yes) or undo, with the check's options. */
export interface FixCommand extends Omit<CheckCommand, 'command' | 'format' | 'errorCode'> {
  command: 'fix';
  json: boolean;
  action: 'list' | 'preview' | 'apply' | 'undo';
  /** Absent only for --list. */
  findingId?: FindingId;
}

export const FIX_SYNOPSIS = `       sync-doctor fix --list | FINDING_ID [--yes | --undo] [options]`;

export const FIX_HELP = `fix: removes a cause Sync Doctor can remove safely. FINDING_ID alone shows exactly what would
change (commands, hosts-file lines) and changes nothing; standard input is never read.
  --list                 run the check and list the fixes that apply to this computer now
  --yes                  apply it, run the affected checks again and show before -> after
  --undo                 put back what the last fix for that finding changed, where it can be undone
  (fix takes the check's options too, and --json)`;

export const FIX_EXIT = `fix: 0 the re-check passes (or nothing to do), 1 it still fails, 2 bad usage,
3 administrator rights are missing or the prompt was cancelled (run it again elevated, or with sudo).`;

type FixFlags = { yes?: boolean | undefined; undo?: boolean | undefined; list?: boolean | undefined };

export function fixCommandFrom(
  check: CheckCommand,
  flags: FixFlags,
  positionals: readonly string[],
): FixCommand | { command: 'usage-error'; message: string } {
  const usage = (message: string) => ({ command: 'usage-error' as const, message });
  const { command: _check, format, errorCode, ...rest } = check;
  if (errorCode !== undefined) return usage('--error belongs to "sync-doctor check".');
  if (format !== 'table' && format !== 'json') return usage(`fix prints text or --json, not --format ${format}.`);
  const options = { ...rest, json: format === 'json' };
  if (flags.list) {
    if (flags.yes || flags.undo) return usage('--list cannot be combined with --yes or --undo.');
    if (positionals.length > 0) return usage(`--list takes no finding id (got "${positionals[0]}").`);
    return { ...options, command: 'fix', action: 'list' };
  }
  const [id, ...extra] = positionals;
  if (id === undefined) return usage('Which finding? sync-doctor fix FINDING_ID, or sync-doctor fix --list.');
  if (extra.length > 0) return usage(`Unexpected argument "${extra[0]}".`);
  if (!(FINDING_IDS as readonly string[]).includes(id))
    return usage(`"${id}" is not a finding id. sync-doctor fix --list shows the ones found here.`);
  const action = flags.undo ? 'undo' : flags.yes ? 'apply' : 'preview';
  return { ...options, command: 'fix', action, findingId: id as FindingId };
}
