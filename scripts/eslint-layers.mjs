import path from 'node:path';

/** What the CLI and the Electron main may import: everything but each other and the preload. */
const FACES_MAY_IMPORT = [
  'app',
  'main/platform',
  'main/probes',
  'main/proxy',
  'main/scheduler',
  'main/system',
  'main/runner',
  'main/engine',
  'main/report',
  'main/fixes',
];

/**
 * Which source folders each folder may import from (besides itself). Anything else is a layer
 * breach; docs/architecture.md draws the same table. A folder missing here is reported too, so
 * a new folder gets a place in the layers before it gets imports.
 */
export const LAYERS = {
  app: [],
  renderer: ['app'],
  // The Node side, bottom up.
  'main/platform': [],
  'main/probes': ['app', 'main/platform'],
  'main/proxy': ['app', 'main/platform', 'main/probes'],
  'main/scheduler': ['app', 'main/platform'],
  'main/system': ['app', 'main/platform', 'main/probes', 'main/proxy', 'main/scheduler'],
  'main/runner': ['app', 'main/platform', 'main/probes', 'main/proxy', 'main/scheduler', 'main/system'],
  'main/engine': ['app', 'main/platform', 'main/probes', 'main/proxy', 'main/scheduler', 'main/system', 'main/runner'],
  'main/report': ['app', 'main/platform'],
  'main/fixes': ['app', 'main/platform', 'main/probes', 'main/proxy', 'main/scheduler', 'main/system', 'main/runner', 'main/engine'],
  // The two faces share everything below them and nothing with each other.
  'main/cli': FACES_MAY_IMPORT,
  'main/electron': FACES_MAY_IMPORT,
  'main/preload': ['app'],
};

/** The cross-checks at main/'s top level (hostile-input, never-throws) exercise every layer. */
const MAIN_ROOT = 'main';

/** The layer a repository-relative path belongs to, or undefined outside app/, renderer/ and main/. */
export function layerOf(relativePath) {
  const parts = relativePath.split(/[\\/]/);
  if (parts[0] === 'app' || parts[0] === 'renderer') return parts[0];
  if (parts[0] !== 'main') return undefined;
  return parts.length > 2 ? `main/${parts[1]}` : MAIN_ROOT;
}

function mayImport(from, to) {
  if (from === to || from === MAIN_ROOT) return true;
  if (to === undefined) return true; // test-support/ and e2e/ have rules of their own
  return (LAYERS[from] ?? []).includes(to);
}

/** @type {import('eslint').Rule.RuleModule} */
const folderLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports between source folders to the layers in scripts/eslint-layers.mjs' },
    schema: [],
    messages: {
      upward:
        '{{from}} may not import {{to}} ("{{specifier}}"): {{from}} may import only {{allowed}} (layers: scripts/eslint-layers.mjs, docs/architecture.md).',
      unplaced: '{{from}} has no place in the layers: add it to LAYERS in scripts/eslint-layers.mjs and to docs/architecture.md.',
    },
  },
  create(context) {
    const root = context.cwd;
    const from = layerOf(path.relative(root, context.filename));
    if (from === undefined) return {};
    const check = (source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source.value);
      const to = layerOf(path.relative(root, target));
      if (mayImport(from, to)) return;
      const allowed = LAYERS[from];
      if (!allowed) {
        context.report({ node: source, messageId: 'unplaced', data: { from } });
        return;
      }
      context.report({
        node: source,
        messageId: 'upward',
        data: { from, to, specifier: source.value, allowed: allowed.length ? allowed.join(', ') : 'nothing outside itself' },
      });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export const layersPlugin = { rules: { 'folder-layers': folderLayers } };
