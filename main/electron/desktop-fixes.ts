import os from 'node:os';
import { builtinCatalog } from '../../app/catalog/builtin';
import { diagnose } from '../../app/diagnosis/diagnose';
import type { EngineOptions } from '../engine/engine';
import { logAttempts } from '../fixes/attempt-log';
import type { Diagnose } from '../fixes/diagnose';
import { systemFixEnvironment } from '../fixes/environment';
import { FixSession, type ElevatedApply } from '../fixes/fix-session';
import { rerunChecks } from '../fixes/recheck';
import { hasAdminRights } from '../fixes/rights';
import { stateDir } from '../fixes/undo-store';
import { runCommand } from '../platform/exec';
import { systemOs } from '../platform/system-os';
import type { DesktopCatalog } from './catalog-source';

interface DesktopFixOptions {
  loadCatalog: () => Promise<DesktopCatalog>;
  /** The run's engine options less the catalog (deadlines, proxy resolver...): re-checks run as the run did. */
  engine: Omit<EngineOptions, 'catalog' | 'catalogSource' | 'groups'>;
  /** One prompt per fix (sudoPromptElevation); absent where the app cannot ask. */
  elevate?: ElevatedApply;
  diagnose?: Diagnose;
  log?: (message: string) => void;
  /** Where attempts are logged; default the system's state folder (tests give a temporary one). */
  stateDir?: string;
}

/**
 * The desktop app's fixes. They plan with the built-in catalog's hosts, as the elevated helper
 * does (it cannot read the user's catalog as another user), so both plan the same fix.
 */
export function desktopFixSession(options: DesktopFixOptions): FixSession {
  const which = systemOs();
  return new FixSession({
    environment: (checks) =>
      systemFixEnvironment({ catalog: builtinCatalog(), checks, signal: new AbortController().signal, elevated: false, os: which }),
    isElevated: () => hasAdminRights(which, runCommand, process.env, AbortSignal.timeout(15_000)),
    ...(options.elevate ? { elevate: options.elevate } : {}),
    diagnose: options.diagnose ?? diagnose,
    rerun: async (ids) => {
      const catalog = await options.loadCatalog();
      return rerunChecks(
        { ...options.engine, catalog: catalog.catalog, catalogSource: catalog.source, groups: ['network', 'system'] },
        ids,
      );
    },
    record: async (attempts) => {
      const problem = await logAttempts(options.stateDir ?? stateDir(which, process.env, false, os.homedir()), attempts);
      if (problem) options.log?.(problem);
    },
  });
}
