import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, fitToScreens, loadWindowState, parseWindowState, saveWindowState } from './window-state';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('round-trips through its file', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'sd-state-')), 'window-state.json');
    const state = { bounds: { x: 100, y: 80, width: 1000, height: 700 }, maximized: true };
    await saveWindowState(file, state);
    expect(await loadWindowState(file, [screen])).toEqual(state);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(state);
  });

  it('falls back to the default for a missing or broken file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sd-state-'));
    expect(await loadWindowState(path.join(dir, 'none.json'), [screen])).toEqual(DEFAULT_STATE);
    await writeFile(path.join(dir, 'bad.json'), '{"bounds":{"width":"huge"}}');
    expect(await loadWindowState(path.join(dir, 'bad.json'), [screen])).toEqual(DEFAULT_STATE);
    expect(parseWindowState('not json')).toBeUndefined();
  });

  it('brings a window on a monitor that is gone back, and keeps it within the screen and above the minimum', () => {
    const lost = fitToScreens({ bounds: { x: 3000, y: 200, width: 800, height: 600 }, maximized: false }, [screen]);
    expect(lost.bounds).toEqual({ width: 800, height: 600 });
    const huge = fitToScreens({ bounds: { x: 0, y: 0, width: 5000, height: 4000 }, maximized: false }, [screen]);
    expect(huge.bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    const tiny = fitToScreens({ bounds: { x: 10, y: 10, width: 120, height: 100 }, maximized: false }, [screen]);
    expect(tiny.bounds).toMatchObject({ width: 560, height: 480 });
    const second = { x: 1920, y: 0, width: 1280, height: 1024 };
    expect(fitToScreens({ bounds: { x: 2000, y: 50, width: 900, height: 700 }, maximized: false }, [screen, second]).bounds).toEqual({
      x: 2000,
      y: 50,
      width: 900,
      height: 700,
    });
  });
});
