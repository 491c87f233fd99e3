import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../app/catalog/builtin';
import { withDeadline } from '../probes/deadline';
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
});
