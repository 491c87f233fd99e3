import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../scripts/eslint-layers.mjs';

// The folder layers are enforced by `npm run lint`: these plant a file's text at a path inside the
// tree (nothing is written to disk) and lint it with the project's own eslint.config.js.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: repoRoot });

async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  // A planted text that does not parse would have no layer messages for the wrong reason.
  expect(result?.messages.filter((message) => message.fatal)).toEqual([]);
  return (result?.messages ?? []).filter((message) => message.ruleId === 'layers/folder-layers').map((message) => message.message);
}

describe('the folder layers rule', () => {
  it('reports main/platform importing main/engine, the cycle the platform folder exists to prevent', async () => {
    const messages = await layerMessages(
      'main/platform/planted.ts',
      "import { runEngine } from '../engine/engine';\nexport const planted = runEngine;\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('main/platform may not import main/engine');
  });

  it('reports the upward imports this layering removed, from any depth and by dynamic import', async () => {
    const planted: [string, string, string][] = [
      [
        'main/system/clock/planted.ts',
        "export { runChecks } from '../../runner/network-plan';\n",
        'main/system may not import main/runner',
      ],
      [
        'main/proxy/planted.ts',
        "import { shareOnce } from '../system/task';\nexport const planted = shareOnce;\n",
        'main/proxy may not import main/system',
      ],
      ['main/electron/planted.ts', "export * from '../cli/args';\n", 'main/electron may not import main/cli'],
      [
        'app/report/redact/planted.ts',
        "export const planted = () => import('../../../main/engine/engine');\n",
        'app may not import main/engine',
      ],
      ['renderer/planted.tsx', "export * from '../main/preload/api';\n", 'renderer may not import main/preload'],
    ];
    for (const [filePath, code, expected] of planted) {
      expect(await layerMessages(filePath, code), filePath).toEqual([expect.stringContaining(expected)]);
    }
  });

  it('lets a folder import the layers below it and its own subfolders, however the path is spelt', async () => {
    const allowed: [string, string][] = [
      ['main/engine/planted.ts', "export { runChecks } from '../scheduler/run';\nexport { systemTask } from '../system/task';\n"],
      // main/system/proxy is system's own subfolder, not main/proxy.
      ['main/system/clock/planted.ts', "export { proxyTasks } from '../proxy/tasks';\n"],
      ['main/proxy/planted.ts', "export { runCommand } from '../platform/exec';\nexport * from '../../main/probes/tcp';\n"],
      ['renderer/planted.tsx', "export * from '../app/contract/check';\n"],
    ];
    for (const [filePath, code] of allowed) expect(await layerMessages(filePath, code), filePath).toEqual([]);
  });

  it('asks a new folder under main/ to take its place in the layers', async () => {
    const messages = await layerMessages('main/newcomer/planted.ts', "export { runCommand } from '../platform/exec';\n");
    expect(messages).toEqual([expect.stringContaining('main/newcomer has no place in the layers')]);
  });

  it('allows no cycle in the layer table itself', () => {
    const done = new Set<string>();
    const visit = (layer: string, trail: readonly string[]): void => {
      expect(trail, `cycle: ${[...trail, layer].join(' -> ')}`).not.toContain(layer);
      if (done.has(layer)) return;
      for (const below of LAYERS[layer] ?? []) visit(below, [...trail, layer]);
      done.add(layer);
    };
    for (const layer of Object.keys(LAYERS)) visit(layer, []);
    expect(done.size).toBe(Object.keys(LAYERS).length);
  });
});
