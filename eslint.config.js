// Lint, including the process boundaries of docs/ARCHITECTURE.md §3.1 as errors: a folder that imports
// across its boundary fails `npm run lint` (and so `npm test`).
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

/** Bans a group of modules with one message, in the shape @typescript-eslint/no-restricted-imports takes. */
const ban = (group, message, allowTypeImports = false) => ({ group, message, allowTypeImports });

const NODE_MESSAGE = 'Node built-ins are not available on this side (docs/ARCHITECTURE.md §3.1).';
const NODE = ban(['node:*'], NODE_MESSAGE);
// Bare built-in names ('fs', 'fs/promises') are matched exactly: as patterns they would also
// catch our own folders that share a name with a built-in (shared/domain, …).
const NODE_PATHS = nodeBuiltins.map((name) => ({ name, message: NODE_MESSAGE }));
const ELECTRON = ban(['electron', 'electron/*'], "Only main/electron and main/preload may import 'electron' (docs/ARCHITECTURE.md §3.1).");
const NATIVE = ban(['better-sqlite3', 'ws'], 'Server-side packages belong to main/backend (docs/ARCHITECTURE.md §3.1).');
const RENDERER = ban(['**/renderer/**', '**/renderer'], 'Nothing outside renderer/ imports the renderer (docs/ARCHITECTURE.md §3.1).');
const MAIN = ban(['**/main/**', '**/main'], 'This side cannot import main/ (docs/ARCHITECTURE.md §3.1).');
const SERVER = ban(['**/server/**', '**/server'], 'Only the server imports server/ (docs/ARCHITECTURE.md §3.1).');
const BACKEND_TYPES_ONLY = ban(
  ['**/backend/**', '**/backend'],
  'main/electron and main/preload use backend code only as types; the backend runs in its own process (docs/ARCHITECTURE.md §3.1).',
  true,
);
const REACT = ban(['react', 'react-dom', 'react-dom/*', 'zustand'], 'shared/ is UI-free (docs/ARCHITECTURE.md §3.1).');

const boundary = (files, patterns, paths = []) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns, paths }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: 'error',
    },
  },
  { files: ['main/**', 'server/**', 'scripts/**', 'test/**', '*.config.*'], languageOptions: { globals: globals.node } },
  { files: ['renderer/**'], languageOptions: { globals: globals.browser } },
  // electron-builder's hooks in build/ are loaded with require() at packaging time: plain CommonJS.
  {
    files: ['build/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The kiosk, board and bookings pages run in a browser, not in the server they live beside.
  {
    files: ['server/pages/src/**'],
    languageOptions: { globals: { ...globals.browser, ...Object.fromEntries(Object.keys(globals.node).map((name) => [name, 'off'])) } },
  },
  boundary(['shared/**'], [NODE, ELECTRON, NATIVE, RENDERER, MAIN, SERVER, REACT], NODE_PATHS),
  boundary(['renderer/**'], [NODE, ELECTRON, NATIVE, MAIN, SERVER], NODE_PATHS),
  boundary(['main/backend/**', 'main/browser-host.ts'], [ELECTRON, RENDERER, SERVER]),
  boundary(['main/electron/**'], [BACKEND_TYPES_ONLY, RENDERER, SERVER, NATIVE]),
  // The one exception: the update policy and the installer's machine-config writer read the desk
  // config's schema and the machine-wide file's place in the main process, as the backend does.
  boundary(
    ['main/electron/updates.ts', 'main/electron/machine-config-params.ts', 'main/electron/machine-config-writer.ts'],
    [
      { ...BACKEND_TYPES_ONLY, group: undefined, regex: '(^|/)backend(/(?!config/(desk-config|machine-config-path)$)|$)' },
      RENDERER,
      SERVER,
      NATIVE,
    ],
  ),
  boundary(['main/preload/**'], [BACKEND_TYPES_ONLY, RENDERER, SERVER, NATIVE, NODE], NODE_PATHS),
  boundary(['server/**'], [ELECTRON, RENDERER, MAIN]),
  boundary(['server/pages/src/**'], [NODE, ELECTRON, NATIVE, RENDERER, MAIN], NODE_PATHS),
);
