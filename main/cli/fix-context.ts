import type { EngineOptions } from '../engine/engine';
import type { Diagnose } from '../fixes/diagnose';
import type { PlannedFix } from '../fixes/plan-fixes';
import { howToElevate } from '../fixes/rights';
import type { SystemOs } from '../platform/system-os';
import type { FixCommand } from './fix-args';
import type { CliIo } from './main';

/** Exit codes of `sync-doctor fix`. */
export const EXIT = { passes: 0, stillFails: 1, usage: 2, rights: 3, cancelled: 130 } as const;

/** What every part of `sync-doctor fix` works with. */
export interface Context {
  args: FixCommand;
  io: CliIo;
  out: (lines: readonly string[]) => void;
  os: SystemOs;
  elevated: boolean;
  engine: EngineOptions;
  diagnose: Diagnose;
}

/** Exit 3 with what to do, when a fix that would run needs rights this process lacks. */
export function rightsMissing(context: Context, planned: readonly PlannedFix[]): number | undefined {
  const needing = planned.filter((p) => !p.preview.blocked && p.preview.needsAdmin);
  if (needing.length === 0 || context.elevated) return undefined;
  const action = context.args.action === 'undo' ? '--undo' : '--yes';
  context.io.stderr.write(
    `sync-doctor: ${needing.map((p) => `"${p.preview.title}"`).join(' and ')} ${needing.length > 1 ? 'need' : 'needs'} administrator rights, and this command runs without them. Nothing was changed.\n${howToElevate(context.os, commandLine(context.args, action))}\n`,
  );
  return EXIT.rights;
}

/** The command to run next, with the options that change what it looks at. */
export function commandLine(args: FixCommand, action: '--yes' | '--undo'): string {
  const quote = (value: string) => (/[\s"'$`\\]/.test(value) ? `"${value.replace(/(["$`\\])/g, '\\$1')}"` : value);
  const options = [
    ...(args.hostsFile !== undefined ? ['--hosts-file', quote(args.hostsFile)] : []),
    ...(args.catalogFile !== undefined ? ['--catalog', quote(args.catalogFile)] : []),
  ];
  return ['sync-doctor', 'fix', args.findingId ?? '', action, ...options].filter(Boolean).join(' ');
}
