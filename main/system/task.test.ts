import { describe, expect, it } from 'vitest';
import { systemTask } from './task';

describe('systemTask', () => {
  it('puts the catalog entry in the plan and in every result, finished or interrupted', async () => {
    const task = systemTask({ id: 'process:usbmuxd', kind: 'process', title: 'usbmuxd', entryId: 'usbmuxd' }, () =>
      Promise.resolve({ status: 'ok', reason: 'ok', detail: 'usbmuxd is running.' }),
    );
    expect(task.planned).toMatchObject({ id: 'process:usbmuxd', kind: 'process', group: 'system', entryId: 'usbmuxd' });
    expect(await task.run(AbortSignal.timeout(1000))).toMatchObject({ entryId: 'usbmuxd', reason: 'ok' });
    expect(task.interrupted('cancelled')).toMatchObject({ entryId: 'usbmuxd', reason: 'cancelled' });
  });

  it('leaves the entry out for a check no catalog entry lists', () => {
    const task = systemTask({ id: 'hosts:file', kind: 'hosts', title: 'Hosts file' }, () =>
      Promise.resolve({ status: 'ok', reason: 'ok', detail: 'Read.' }),
    );
    expect(task.planned).not.toHaveProperty('entryId');
    expect(task.interrupted('deadline')).not.toHaveProperty('entryId');
  });
});
