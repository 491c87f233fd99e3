import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAsarContents, checkFuses, packAsar } from '../../scripts/pack-check.mjs';
import { validateBuilderConfig } from '../../scripts/validate-builder-config.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const config = path.join(root, 'electron-builder.yml');

describe('electron-builder.yml', () => {
  it("matches app-builder-lib's schema and asks for the installers and fuses the app ships with", async () => {
    const { config: parsed, problems } = await validateBuilderConfig(config);
    expect(problems).toEqual([]);
    expect(parsed).toMatchObject({
      appId: 'org.syncdoctor.app',
      productName: 'Sync Doctor',
      asar: true,
      win: { target: [{ target: 'nsis', arch: ['x64', 'arm64'] }] },
      mac: { target: [{ target: 'dmg', arch: ['x64', 'arm64'] }] },
      linux: { target: ['AppImage'] },
      electronFuses: { runAsNode: false, onlyLoadAppFromAsar: true, enableEmbeddedAsarIntegrityValidation: true },
    });
    expect(checkFuses(parsed)).toEqual([]);
    const fuses = parsed['electronFuses'] as Record<string, boolean>;
    expect(checkFuses({ electronFuses: { ...fuses, grantFileProtocolExtraPrivileges: true } })).toEqual([
      'electronFuses.grantFileProtocolExtraPrivileges must be false (it is true)',
    ]);
  });

  it('is rejected by the same check when it breaks the schema', async () => {
    const broken = path.join(await mkdtemp(path.join(tmpdir(), 'sd-builder-')), 'electron-builder.yml');
    const text = (await readFile(config, 'utf8')).replace('asar: true', 'asar: sometimes');
    await writeFile(broken, `${text}\nnotAnOption: true\n`);
    const { problems } = await validateBuilderConfig(broken);
    expect(problems).toEqual(
      expect.arrayContaining(['(top level) must NOT have additional properties', '/asar must match a schema in anyOf']),
    );
  });
});

describe('app.asar', () => {
  it('holds main, preload and renderer, and none of the sources, tests, e2e or fixtures', async () => {
    const files = await packAsar();
    expect(files).toEqual(
      expect.arrayContaining(['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']),
    );
    expect(checkAsarContents(files)).toEqual([]);
    expect(files.filter((file) => /^\/(main|renderer|app|e2e)\//.test(file))).toEqual([]);
  }, 120_000);

  it('has a content check that would catch a leak', () => {
    const leaked = [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/main/electron/index.ts',
      '/e2e/app/cancel.spec.ts',
      '/out/cli/sync-doctor.cjs',
    ];
    const problems = checkAsarContents(leaked);
    expect(problems).toEqual(
      expect.arrayContaining([
        'missing the renderer bundle',
        '/main/electron/index.ts is sources, tests or tooling',
        '/e2e/app/cancel.spec.ts is a test',
        '/out/cli/sync-doctor.cjs is the CLI or test bundles',
      ]),
    );
  });
});
