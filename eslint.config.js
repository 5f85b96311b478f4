// One linter for the whole house. The arrows of docs/architecture.md are an allow-list per layer
// (eslint/allowedImports.js): shared → zod only; core → shared; province → core, shared; cli → core, shared, province;
// electron → core, shared; renderer → shared; nothing imports renderer/ or electron/.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { allowedImports } from './eslint/allowedImports.js';

const layers = {
  plugins: { layers: { rules: { 'allowed-imports': allowedImports } } },
  rules: { 'layers/allowed-imports': ['error', { root: import.meta.dirname }] },
};

// Tests and benchmarks sit outside the layers and may drive any of them, but not the shell or the renderer's source.
const testsAndBench = {
  files: ['tests/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['electron', '**/renderer/**', '**/electron/**'],
            message: '测试与基准不得引用 electron 或 renderer 源码',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/e2e/.artifacts/**',
      'bench/.work/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['renderer/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
  // That notice is for the React Compiler, which the renderer does not use (TanStack Virtual's hooks are fine here).
  { files: ['renderer/**/*.{ts,tsx}'], rules: { 'react-hooks/incompatible-library': 'off' } },
  // Playwright fixtures must destructure their (possibly empty) dependencies.
  { files: ['tests/e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
  { files: ['{shared,core,province,cli,electron,renderer}/**/*.{ts,tsx}'], ...layers },
  testsAndBench,
);
