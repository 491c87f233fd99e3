import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../app/catalog/builtin';
import { withDeadline } from '../platform/deadline';
import { recordingDnsCache } from '../../test-support/recording-dns';
import { networkTasks } from './network-plan';

describe('networkTasks', () => {
  it('reports each port no check can test as a row that says why, in catalog order, asking nothing', async () => {
    const catalog = builtinCatalog();
    const { cache, asked } = recordingDnsCache(['198.18.0.10']);
    const tasks = networkTasks(catalog, { lookups: cache });
    const untestable = catalog.ports.filter((entry) => entry.untestable && !entry.covered);
    expect(untestable.length).toBeGreaterThan(0);

    const rows = tasks.filter((task) => task.planned.id.endsWith('/udp') || task.planned.id.endsWith('/tcp'));
    expect(rows.map((task) => task.planned.title)).toEqual(untestable.map((entry) => `${entry.protocol.toUpperCase()} ${entry.port}`));
    for (const [index, task] of rows.entries()) {
      const entry = untestable[index]!;
      const result = await task.run(withDeadline(undefined, 1000));
      expect(result).toMatchObject({
        kind: 'port',
        entryId: entry.id,
        port: entry.port,
        protocol: entry.protocol,
        status: 'skipped',
        reason: 'not-testable',
        detail: entry.untestable,
      });
    }
    expect(asked).toEqual([]);
  });

  it('never connects to a port entry marked untestable, even one that names a host', () => {
    const catalog = builtinCatalog();
    const marked = {
      ...catalog,
      ports: catalog.ports.map((entry) => (entry.id === 'port-5224' ? { ...entry, untestable: 'Withdrawn for this test.' } : entry)),
    };
    const ids = networkTasks(marked, { lookups: recordingDnsCache([]).cache }).map((task) => task.planned.id);
    expect(ids).toContain('port:5224/tcp');
    expect(ids).not.toContain('port:portquiz.net:5224');
  });

  it('names the catalog entry of every check in its plan, and its result carries the same', () => {
    const catalog = builtinCatalog();
    const tasks = networkTasks(catalog, { lookups: recordingDnsCache([]).cache });
    const entryIds = new Set([...catalog.servers.map((entry) => entry.id), ...catalog.ports.map((entry) => entry.id), 'ntp']);
    for (const task of tasks) {
      expect(entryIds, task.planned.id).toContain(task.planned.entryId);
      expect(task.interrupted('cancelled').entryId, task.planned.id).toBe(task.planned.entryId);
    }
    const sampled = catalog.ports.find((entry) => entry.samples && entry.samples.length > 1)!;
    expect(tasks.filter((task) => task.planned.entryId === sampled.id).map((task) => task.planned.port)).toEqual(sampled.samples);
  });
});
