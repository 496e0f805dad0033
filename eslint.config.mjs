// Lint rules that hold the architecture (docs/architecture.md says why each exists):
//   - only the Electron edge imports `electron`;
//   - the renderer never imports main, Node or Electron;
//   - shared code imports neither Node nor Electron nor either side;
//   - main's lower folders never reach up into the composition root (main/app);
//   - the shop server (src/server) is its own process: the till never imports it, it imports shared only;
//   - no import cycles; React hooks follow their rules.
// scripts/lint-rules-check.mjs proves each of these fires on a deliberate violation.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** The files allowed to import electron: bootstrap, windows, IPC, security adapters, preload. */
export const ELECTRON_EDGE = [
  'src/main/index.ts',
  'src/main/windows/**',
  'src/main/ipc/**',
  'src/main/security/**',
  'src/preload/**',
];

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'events',
  'stream',
  'url',
  'util',
  'worker_threads',
];

const noElectron = {
  name: 'electron',
  message: 'Only the Electron edge (index.ts, windows/, ipc/, security/, preload/) imports electron.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      '.data/**',
      'test-results/**',
      'artifacts/**',
      'bench/tmp/**',
      'scripts/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.test.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/main',
              from: './src/main/app',
              message: 'Lower main folders must not reach up into the composition root (main/app).',
            },
            { target: './src/main', from: './src/renderer', message: 'Main never imports the renderer.' },
            {
              target: './src/renderer',
              from: './src/main',
              message: 'The renderer never imports main: it talks through the contract.',
            },
            { target: './src/renderer', from: './src/simulator', message: 'The renderer never imports the simulator.' },
            { target: './src/shared', from: './src/main', message: 'Shared code imports neither side.' },
            { target: './src/shared', from: './src/renderer', message: 'Shared code imports neither side.' },
            { target: './src/preload', from: './src/main', message: 'The preload carries the contract only.' },
            // The shop server is its own process: nothing the till ships may import it, and it
            // imports only shared code (no Electron, no SQLite journal, no renderer).
            ...[
              './src/main',
              './src/renderer',
              './src/preload',
              './src/shared',
              './src/harness',
              './src/simulator',
            ].map((target) => ({
              target,
              from: './src/server',
              message: 'The shop server is a separate process; the till never imports it.',
            })),
            ...['./src/main', './src/renderer', './src/preload', './src/harness', './src/simulator'].map((from) => ({
              target: './src/server',
              from,
              message: 'The shop server imports shared code only.',
            })),
            // Fault injection and the /__sim/ control plane are test machinery: nothing the app
            // ships (main, preload, renderer, shared) nor the harness imports them; tests inject them.
            ...['./src/main', './src/preload', './src/renderer', './src/shared', './src/harness'].map((target) => ({
              target,
              from: './src/simulator/lab',
              message: 'The test simulator (faults, control plane) never ships: inject it from tests.',
            })),
            // Benchmarks measure the product, not the tests: what both need lives in testkit/.
            {
              target: './bench',
              from: './test',
              message: 'The bench imports nothing from test/; share through testkit/.',
            },
            {
              target: './testkit',
              from: './test',
              message: 'testkit/ is shared by tests and the bench: no test/ imports.',
            },
          ],
        },
      ],
    },
  },
  // Files and functions small enough to read: 300 code lines a file, 80 a function (blank and
  // comment lines not counted), for everything the app ships and runs. React components get
  // 120, since JSX spends lines on layout. Tests, the bench and scripts are not limited: a
  // describe() block is a list of cases, not logic.
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    files: ['src/renderer/**/*.tsx'],
    rules: {
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  // The two dictionaries are tables (one line per string the user reads), not logic.
  {
    files: ['src/renderer/src/i18n/en.ts', 'src/renderer/src/i18n/id.ts'],
    rules: { 'max-lines': 'off' },
  },
  // main/app is the composition root and main/index.ts wires it: both may import main/app.
  {
    files: ['src/main/app/**', 'src/main/index.ts'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ELECTRON_EDGE,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: NODE_BUILTINS, message: 'Shared code runs in the renderer too: no Node modules.' }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The classic hook rules; the React Compiler's own rules do not apply (no compiler here).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: NODE_BUILTINS, message: 'The renderer runs sandboxed in a browser: no Node modules.' }],
        },
      ],
    },
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: {
      // The Electron double stands in for electron in tests; real-Electron tests import it.
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
