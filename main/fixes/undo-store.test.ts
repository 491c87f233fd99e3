import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUndoStore, stateDir } from './undo-store';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sd-undo-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('undo records', () => {
  it("live where only administrators write when elevated, else in the user's folder", () => {
    expect(stateDir('windows', { ProgramData: 'C:\\ProgramData' }, true, 'C:\\Users\\ann')).toBe('C:\\ProgramData\\Sync Doctor');
    expect(stateDir('windows', { LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' }, false, 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Local\\Sync Doctor',
    );
    expect(stateDir('mac', {}, true, '/Users/ann')).toBe('/Library/Application Support/Sync Doctor');
    expect(stateDir('mac', {}, false, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Sync Doctor');
    expect(stateDir('linux', {}, true, '/home/ann')).toBe('/var/lib/sync-doctor');
    expect(stateDir('linux', { XDG_STATE_HOME: '/home/ann/.state' }, false, '/home/ann')).toBe('/home/ann/.state/sync-doctor');
    expect(stateDir('linux', { SYNC_DOCTOR_STATE_DIR: '/srv/sd' }, true, '/home/ann')).toBe('/srv/sd');
  });

  it('are saved for the owner only, read back, and forgotten', async () => {
    const store = fileUndoStore(path.join(dir, 'state'));
    await store.save({ fixId: 'reset-winhttp-proxy', at: '2026-12-02T10:00:00Z', data: { proxy: 'p:8080', bypass: '' } });
    const file = path.join(dir, 'state', 'undo-reset-winhttp-proxy.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await expect(store.load('reset-winhttp-proxy')).resolves.toEqual({
      fixId: 'reset-winhttp-proxy',
      at: '2026-12-02T10:00:00Z',
      data: { proxy: 'p:8080', bypass: '' },
    });
    await store.forget('reset-winhttp-proxy');
    await expect(store.load('reset-winhttp-proxy')).resolves.toBeUndefined();
  });

  it('ignore a record others could have written, or one for another fix', async () => {
    const store = fileUndoStore(path.join(dir, 'shared'));
    await store.save({ fixId: 'remove-hosts-redirects', at: 'x', data: { file: '/etc/hosts' } });
    const file = path.join(dir, 'shared', 'undo-remove-hosts-redirects.json');
    await chmod(file, 0o666);
    await expect(store.load('remove-hosts-redirects')).resolves.toBeUndefined();
    await chmod(file, 0o600);
    await writeFile(file, (await readFile(file, 'utf8')).replace('remove-hosts-redirects', 'flush-dns'));
    await expect(store.load('remove-hosts-redirects')).resolves.toBeUndefined();
  });
});
