import type { AppInfo } from '../../app/ipc/contract';
import type { DesktopCatalog } from './catalog-source';

export function buildAppInfo(
  app: { name: string; version: string },
  loaded: DesktopCatalog,
  platform = process.platform,
  arch = process.arch,
): AppInfo {
  return {
    name: app.name,
    version: app.version,
    platform,
    arch,
    catalog: {
      version: loaded.catalog.version,
      updated: loaded.catalog.updated,
      source: loaded.source,
      ...(loaded.problem ? { problem: loaded.problem } : {}),
      ports: loaded.catalog.ports,
      processes: loaded.catalog.processes ?? [],
    },
  };
}
