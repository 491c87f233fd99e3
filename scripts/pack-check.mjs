#!/usr/bin/env node
// Packs app.asar offline, the way electron-builder would for a release, and lists what is in it.
// electron-builder normally downloads Electron; a folder holding a placeholder `electron` file
// (electronDist) lets it assemble the package without the network. Fuses need a real binary, so
// they are left out here: they are flipped on the CI runners that build the installers.
//   node scripts/pack-check.mjs          # prints the asar's files and checks them; exit 1 on a problem
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateBuilderConfig } from './validate-builder-config.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

/**
 * Builds linux-unpacked in a temp folder and returns the files inside app.asar, each with a
 * leading slash.
 */
export async function packAsar() {
  const { build, Platform, Arch } = require('electron-builder');
  const { listPackage } = require('@electron/asar');
  const { config } = await validateBuilderConfig(path.join(root, 'electron-builder.yml'));
  const scratch = await mkdtemp(path.join(tmpdir(), 'sync-doctor-pack-'));
  const electronDist = path.join(scratch, 'electron-dist');
  await mkdir(electronDist, { recursive: true });
  await writeFile(path.join(electronDist, 'electron'), '#!/bin/sh\necho placeholder\n', { mode: 0o755 });
  const output = path.join(scratch, 'dist');
  const env = { ...process.env };
  process.env['XDG_CACHE_HOME'] ??= path.join(scratch, 'cache');
  process.env['ELECTRON_BUILDER_CACHE'] ??= path.join(scratch, 'cache');
  try {
    const { electronFuses: _fuses, ...offline } = config;
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      config: {
        ...offline,
        electronFuses: null,
        electronDist,
        electronVersion: require('electron/package.json').version,
        directories: { ...offline.directories, output },
      },
    });
    const asar = path.join(output, 'linux-unpacked', 'resources', 'app.asar');
    return listPackage(asar, { isPack: false }).map((file) => file.replaceAll('\\', '/'));
  } finally {
    process.env = env;
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The fuses the app must ship with (flipped by electron-builder on the runners that build the
 * installers); returns the problems found in the config's electronFuses.
 */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  // The renderer comes from app://, so file:// pages get no more than a browser would give them.
  grantFileProtocolExtraPrivileges: false,
};

export function checkFuses(config) {
  const fuses = config.electronFuses ?? {};
  return Object.entries(REQUIRED_FUSES)
    .filter(([name, wanted]) => fuses[name] !== wanted)
    .map(([name, wanted]) => `electronFuses.${name} must be ${wanted} (it is ${fuses[name] ?? 'not set'})`);
}

/** What must and must not be in the package; returns the problems found. */
export function checkAsarContents(files) {
  const problems = [];
  const has = (file) => files.includes(file);
  for (const required of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
    if (!has(required)) problems.push(`missing ${required}`);
  }
  if (!files.some((file) => /^\/out\/renderer\/assets\/index-[\w-]+\.js$/.test(file))) problems.push('missing the renderer bundle');
  if (!files.some((file) => file.startsWith('/node_modules/zod/'))) problems.push('missing zod (main needs it at run time)');
  if (!files.some((file) => file.startsWith('/node_modules/@expo/sudo-prompt/'))) {
    problems.push('missing @expo/sudo-prompt (main asks for administrator rights with it)');
  }
  for (const name of ['plist', '@xmldom/xmldom']) {
    if (!files.some((file) => file.startsWith(`/node_modules/${name}/`)))
      problems.push(`missing ${name} (the device check needs it at run time)`);
  }
  const banned = [
    [/^\/(main|renderer|app|e2e|test-support|bench|scripts|docs|\.github)\//, 'sources, tests or tooling'],
    [/^\/out\/(cli|fake-internet|e2e-app)\//, 'the CLI or test bundles'],
    [/\.(test|spec)\.[cm]?[jt]sx?$/, 'a test'],
    [/\/fixtures?\//, 'fixtures'],
    [/\.map$/, 'a source map'],
    [/^\/[^/]+\.(ts|tsx)$/, 'a config source'],
    [
      /^\/node_modules\/(react|react-dom|zustand|electron|vitest|playwright|@playwright)\//,
      'a dependency the renderer bundle already has, or a dev tool',
    ],
  ];
  for (const file of files) {
    for (const [pattern, what] of banned) {
      if (pattern.test(file) && !/^\/node_modules\/zod\//.test(file)) problems.push(`${file} is ${what}`);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { config } = await validateBuilderConfig(path.join(root, 'electron-builder.yml'));
  const files = await packAsar();
  const problems = [...checkFuses(config), ...checkAsarContents(files)];
  const own = files.filter((file) => !file.startsWith('/node_modules/'));
  console.log(`app.asar: ${files.length} entries; the app's own:\n  ${own.join('\n  ')}`);
  if (problems.length > 0) {
    console.error(`\nProblems:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('app.asar contents are as expected');
}
