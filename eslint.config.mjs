// Lint + the layering rule of DESIGN.md §2: imports only go downward.
//   renderer → preload API types → core;  cli → main → core;  core → nothing above it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const forbid = (groups, message) => ({ group: groups, message });

const coreRule = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'src/core runs in the renderer too: no Node built-ins (take bytes through a loader interface).' })),
  patterns: [
    forbid(['lexical', '@lexical/*'], 'src/core never imports lexical: story bodies reach it as plain JSON.'),
    forbid(['electron', 'react', 'react-dom', 'react/*'], 'src/core has no DOM, no Electron, no React.'),
    forbid(['**/main/**', '**/renderer/**', '**/cli/**', '**/preload/**', '../../main/*', '../../renderer/*', '../../cli/*', '../../preload/*'], 'src/core imports nothing above it.'),
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'resources/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      // U+3000 (ideographic space) is real content in Chinese copy: headline halves, credits, datelines.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipComments: true, skipTemplates: true, skipRegExps: true, skipJSXText: true }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-imports': ['error', coreRule],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          forbid(['**/renderer/**', '**/cli/**', '../renderer/*', '../cli/*'], 'src/main imports only core (and its own modules).'),
          forbid(['lexical', '@lexical/*', 'react', 'react-dom'], 'the main process has no editor and no UI library.'),
        ],
      }],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [forbid(['**/renderer/**', '**/cli/**'], 'the preload is below the renderer and beside the CLI.')],
      }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'the renderer never sees Node.' })),
        patterns: [
          forbid(['electron'], 'the renderer never sees Electron: use the preload API.'),
          forbid(['**/main/**', '**/cli/**', '!**/main/ipc/channels', '!**/main/ipc/channels.ts'], 'the renderer reaches the main process only through the preload API (types may come from main/ipc/channels).'),
        ],
      }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [forbid(['**/renderer/**', '**/preload/**', 'electron', 'lexical', '@lexical/*', 'react'], 'the CLI drives core and main/store + main/services, headless.')],
      }],
    },
  },
);
