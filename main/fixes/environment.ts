import os from 'node:os';
import type { CheckResult } from '../../app/contract/check';
import type { Catalog } from '../../app/catalog/schema';
import { runCommand } from '../platform/exec';
import { systemHostsPath } from '../system/hosts/read';
import { watchListOf } from '../system/hosts/tasks';
import { windowsHostsLocation } from '../system/hosts/windows-location';
import { systemOs, type SystemOs } from '../platform/system-os';
import type { FixEnvironment } from './definition';
import { fileUndoStore, stateDir } from './undo-store';

interface SystemFixOptions {
  catalog: Catalog;
  checks: readonly CheckResult[];
  signal: AbortSignal;
  /** Whether this process holds administrator rights (where undo records are kept). */
  elevated: boolean;
  /** --hosts-file: fix this file instead of the system's. */
  hostsFile?: string;
  os?: SystemOs;
}

/** The fix environment of this computer: its commands, its hosts file, its undo records. */
export function systemFixEnvironment(options: SystemFixOptions): FixEnvironment {
  const which = options.os ?? systemOs();
  const hostsFile = options.hostsFile;
  return {
    os: which,
    env: process.env,
    run: runCommand,
    hostsFile: async (signal) =>
      hostsFile ?? (which === 'windows' ? (await windowsHostsLocation(signal)).file : systemHostsPath(process.platform)),
    watch: watchListOf(options.catalog),
    ...(which === 'mac' ? { macMajor: macOsMajor(os.release()) } : {}),
    undo: fileUndoStore(stateDir(which, process.env, options.elevated, os.homedir())),
    checks: options.checks,
    now: () => new Date(),
    signal: options.signal,
  };
}

/** macOS major version from the Darwin kernel release: Darwin 20 is macOS 11, 22 is 13; before 20, 10.x. */
export function macOsMajor(darwinRelease: string): number {
  const darwin = Number.parseInt(darwinRelease, 10);
  return Number.isFinite(darwin) && darwin >= 20 ? darwin - 9 : 10;
}
