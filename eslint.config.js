import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { layersPlugin } from './scripts/eslint-layers.mjs';

/** Raw IPC is reachable only through the typed wrappers. */
const RAW_IPC_SYNTAX = [
  {
    selector: 'MemberExpression[object.name=/^(ipcMain|ipcRenderer)$/], MemberExpression[property.name=/^(ipcMain|ipcRenderer)$/]',
    message: 'Raw ipcMain/ipcRenderer is banned outside the IPC wrappers: use main/electron/ipc-main.ts or main/preload/ipc-renderer.ts.',
  },
  {
    selector:
      "CallExpression[callee.property.name='send'][callee.object.property.name='webContents'], CallExpression[callee.property.name='send'][callee.object.name=/^(webContents|contents)$/], MemberExpression[object.property.name='webContents'][property.name='ipc']",
    message: 'Use send() from main/electron/ipc-main.ts: it checks the channel type and never sends to a destroyed window.',
  },
];

/** Commands run by their absolute path from main/platform/system-command.ts, never by a name typed in place. */
const BARE_COMMAND_SYNTAX = {
  selector: 'CallExpression[callee.name=/^(runCommand|run)$/] > :matches(Literal, TemplateLiteral).arguments:first-child',
  message:
    "Name the program with systemCommand('...') (main/platform/system-command.ts): Windows searches the current folder for a bare name.",
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bin/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // app/ is shared with the renderer: no Node, no Electron, no DOM-only code.
    files: ['app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', '../main/*', '../../main/*', '../renderer/*', '../../renderer/*'],
              message: 'app/ is shared by main and renderer: keep it free of Node, Electron and either side.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', '../main/*', '../../main/*'],
              message: 'The renderer runs sandboxed: talk to main through window.syncDoctor only.',
            },
          ],
        },
      ],
    },
  },
  // Test code lives in test-support/ (shared by every kind of test) and e2e/ (the fake internet and
  // the end-to-end suites). Product code imports neither; unit tests beside the code take their
  // shared fixtures from test-support/, never from e2e/. (A rule name of its own, so these patterns
  // add to the folders' no-restricted-imports instead of replacing them.)
  {
    files: ['app/**/*.ts', 'main/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'renderer/test-*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/test-support/**', '**/e2e/**'], message: 'Product code must not import test code.' }] },
      ],
    },
  },
  {
    files: ['app/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/e2e/**'], message: 'Unit tests take shared fixtures from test-support/, not from the e2e suites.' }] },
      ],
    },
  },
  {
    // Folder layers (scripts/eslint-layers.mjs, drawn in docs/architecture.md): each folder imports
    // only the folders below it, so folder cycles cannot come back. Tests beside the code too.
    files: ['app/**/*.ts', 'main/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/folder-layers': 'error' },
  },
  {
    // IPC goes through the typed, sender-checking wrappers only (app/ipc/contract.ts lists the channels).
    // The two Electron entry points import ipcMain / ipcRenderer only to hand them to those wrappers.
    files: ['main/**/*.ts', 'e2e/**/*.ts', 'test-support/**/*.ts', 'scripts/**/*.{js,mjs,ts}'],
    ignores: ['main/electron/index.ts', 'main/preload/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message:
                'Use handle()/send() from main/electron/ipc-main.ts or rendererTransport() from main/preload/ipc-renderer.ts; only the entry points pass Electron’s objects to them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'e2e/**/*.ts', 'test-support/**/*.ts', 'scripts/**/*.{js,mjs,ts}'],
    rules: {
      'no-restricted-syntax': ['error', ...RAW_IPC_SYNTAX],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/ipc-main.ts', 'main/preload/ipc-renderer.ts'],
    rules: { 'no-restricted-syntax': ['error', ...RAW_IPC_SYNTAX, BARE_COMMAND_SYNTAX] },
  },
);
