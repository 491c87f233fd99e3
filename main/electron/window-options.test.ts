import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  it('locks the page down: isolated, sandboxed, no Node, no webviews, its own preload', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs', { width: 900, height: 700 }, false);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(options).toMatchObject({ width: 900, height: 700, show: false });
    expect(options.webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p', { width: 900, height: 700 }, false, true).webPreferences?.devTools).toBe(true);
  });

  it('uses the restored place when there is one', () => {
    expect(mainWindowOptions('/p', { x: 10, y: 20, width: 800, height: 600 }, true)).toMatchObject({
      x: 10,
      y: 20,
      backgroundColor: '#1c1c1e',
    });
  });
});
