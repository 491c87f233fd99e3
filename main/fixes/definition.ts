import type { CheckResult } from '../../app/contract/check';
import type { FindingId, FixId } from '../../app/diagnosis/finding';
import type { CommandRecord, FixOutcome } from '../../app/fixes/attempt';
import type { FixStep } from '../../app/fixes/preview';
import type { RunCommand } from '../platform/exec';
import type { WatchList } from '../system/hosts/match';
import type { SystemOs } from '../platform/system-os';
import type { UndoStore } from './undo-store';

/** Everything a fix may look at to plan itself; injected, so plans are tested per OS on any machine. */
export interface FixEnvironment {
  os: SystemOs;
  env: Readonly<Record<string, string | undefined>>;
  run: RunCommand;
  /** Whether a file exists (Linux command lookup, macOS app paths). */
  exists?: (file: string) => boolean;
  /** The hosts file to fix: --hosts-file, or the one the system reads. */
  hostsFile: (signal: AbortSignal) => Promise<string>;
  /** Hosts whose hosts-file lines the hosts fix removes (the catalog's). */
  watch: WatchList;
  /** macOS major version (13 = Ventura): its settings pages moved. */
  macMajor?: number;
  undo: UndoStore;
  /** The current run's checks: facts such as the Windows edition. */
  checks: readonly CheckResult[];
  /** Folder for hosts-file backups; default: beside the hosts file (protected like it). */
  backupDir?: string;
  now: () => Date;
  signal: AbortSignal;
}

/** What a fix did: its outcome and every command it ran. */
export interface FixResult {
  outcome: FixOutcome;
  commands: CommandRecord[];
  backup?: string;
}

/** A fix planned against the system as it is now: the exact steps, and the code that does them. */
export interface PreparedFix {
  steps: FixStep[];
  needsAdmin: boolean;
  /** Why it cannot be applied now (nothing to do, a read-only file...); apply() then changes nothing. */
  blocked?: string;
  /** What else decides the outcome besides the steps (the file's content hash): part of the fingerprint. */
  identity?: string;
  /** Does it; never throws. The caller has checked the rights first. */
  apply(): Promise<FixResult>;
}

export interface FixDefinition {
  id: FixId;
  /** The findings it answers. */
  answers: readonly FindingId[];
  title: string;
  /** What it changes, in plain words. */
  changes: string;
  platforms: readonly SystemOs[];
  undoable: boolean;
  /** Opens a settings page or gives steps instead of changing the system itself. */
  guidance: boolean;
  needsAdmin(os: SystemOs): boolean;
  /** Checks to run again afterwards (the finding's own evidence is added to these). */
  recheck: readonly string[];
  prepare(env: FixEnvironment): Promise<PreparedFix>;
  /** Plans putting back what the last apply changed; only where `undoable`. */
  prepareUndo?(env: FixEnvironment): Promise<PreparedFix>;
}
