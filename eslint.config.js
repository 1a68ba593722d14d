// The linter `npm test` runs: TypeScript's recommended rules, the rules of hooks, and the layering of DESIGN.md as import bans.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** What `src/core` may never import: it runs anywhere (no DOM host, Node, Electron or store). */
const CORE_BANS = [
  { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/core runs anywhere: Node APIs belong in src/node.' },
  { group: ['electron', 'dexie', 'dexie-*', 'react', 'react-*', 'prosemirror-*'], message: 'src/core is free of Electron, the store and the UI.' },
  { group: ['**/node/**', '**/main/**', '**/host/**', '**/renderer/**', '**/cli/**', '**/preload/**'], message: 'src/core imports nothing of the project outside src/core.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench/node_modules/**', 'bench/results/**', 'bench/peers/**', 'test-results/**', 'playwright-report/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Parsers and writers here handle control characters on purpose (brat's line rule, CoNLL, names of files).
      'no-control-regex': 'off',
    },
  },
  {
    // Tests build deliberately wrong inputs; Playwright fixtures take `{}` when they need no other fixture.
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-empty-pattern': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: CORE_BANS }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'electron'], message: 'The renderer talks to its host through the contract only.' },
        { group: ['**/node/**', '**/main/**', '**/host/**', '**/cli/**', '**/preload/**'], message: 'The renderer imports src/core and its own modules only.' },
      ] }],
    },
  },
  {
    files: ['bin/**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
