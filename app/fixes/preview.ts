// What a fix will do, shown before anything runs: the CLI prints it, the wizard shows it, the
// support report quotes it. Shared by main and renderer, so plain data only.

import type { FindingId, FixId } from '../diagnosis/finding';

/** The operating systems a fix can exist on. */
export type FixPlatform = 'windows' | 'mac' | 'linux';

/** One line of a file the fix changes: removed (no `after`) or rewritten. */
export interface LineChange {
  /** 1-based line number in the file as it is now. */
  line: number;
  before: string;
  after?: string;
}

/** One thing a fix does, exactly as it will be done. */
export type FixStep =
  /** A system command, by absolute path, with its arguments (never a shell string). */
  | { kind: 'command'; argv: string[]; purpose: string }
  /** A file edited in place, after a timestamped backup. */
  | { kind: 'edit-file'; file: string; backup: string; changes: LineChange[]; purpose: string }
  /** A settings page opened for the person to act on. */
  | { kind: 'open-settings'; page: string; argv: string[]; purpose: string }
  /** Something only the person can do; nothing runs. */
  | { kind: 'manual'; text: string };

export interface FixPreview {
  fixId: FixId;
  findingId: FindingId;
  title: string;
  /** What it changes, in plain words. */
  changes: string;
  steps: FixStep[];
  needsAdmin: boolean;
  undoable: boolean;
  /** Checks run again afterwards, by id. */
  recheck: string[];
  /** Set when it cannot be applied here and now (nothing to do, a read-only file...): why, in plain words. */
  blocked?: string;
  /** Identifies exactly these steps: an apply whose fresh plan differs is refused ("preview again"). */
  fingerprint: string;
}

/** A fix offered for a finding of the current run (the wizard's list; the renderer names fixes by these ids only). */
export interface FixOffer {
  findingId: FindingId;
  fixId: FixId;
  title: string;
  changes: string;
  needsAdmin: boolean;
  undoable: boolean;
  /** Opens a settings page or shows steps rather than changing anything itself. */
  guidance: boolean;
}
