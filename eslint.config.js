// One linter for the whole house. The `boundaries` blocks below keep the arrows of DESIGN §1:
// renderer → shared; electron → core → shared; province → core, shared; cli → core; nothing imports renderer/electron.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Bare Node builtins are matched exactly (a pattern 'http' would also catch './http').
const nodeBuiltinNames = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'stream', 'url', 'util', 'zlib', 'worker_threads', 'buffer', 'process'];
const nodeBuiltins = ['node:*'];
const nativeAndServer = ['better-sqlite3', 'fastify', '@fastify/*', 'exceljs', 'commander'];

/** A `no-restricted-imports` rule listing what a folder may not reach. */
const forbid = (groups, message, { builtins = false } = {}) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: builtins ? nodeBuiltinNames.map((name) => ({ name, message })) : [],
      patterns: groups.map((group) => ({ group: [group].flat(), message })),
    },
  ],
});

export const boundaries = [
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: forbid(
      [nodeBuiltins, ['electron'], nativeAndServer, ['react', 'react-dom', 'antd', 'recharts'], ['**/core/**', '**/core', '**/renderer/**', '**/electron/**', '**/cli/**', '**/province/**']],
      'shared/ 只能是纯 TypeScript：不得引用 Node、DOM、electron 或其他层 (DESIGN §1)',
      { builtins: true },
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: forbid(
      [nodeBuiltins, ['electron'], nativeAndServer, ['**/core/**', '**/core', '**/electron/**', '**/cli/**', '**/province/**']],
      'renderer/ 只能通过 shared/ 的服务契约访问数据，不得引用 core、electron 或 Node (DESIGN §1)',
      { builtins: true },
    ),
  },
  {
    files: ['core/**/*.{ts,tsx}'],
    rules: forbid([['electron'], ['**/renderer/**', '**/electron/**', '**/cli/**', '**/province/**']], 'core/ 不得引用 electron、renderer、cli 或 province (DESIGN §1)'),
  },
  {
    files: ['province/**/*.{ts,tsx}'],
    rules: forbid([['electron'], ['**/renderer/**', '**/electron/**', '**/cli/**']], 'province/ 只能引用 core 和 shared (DESIGN §1)'),
  },
  {
    files: ['cli/**/*.{ts,tsx}'],
    rules: forbid([['electron'], ['**/renderer/**', '**/electron/**']], 'cli/ 不得引用 electron 或 renderer (DESIGN §1)'),
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}'],
    rules: forbid([['electron'], ['**/renderer/**']], '测试与基准不得引用 electron 或 renderer 源码'),
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/e2e/.artifacts/**', 'bench/.work/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  // Playwright fixtures must destructure their (possibly empty) dependencies.
  { files: ['tests/e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
  ...boundaries,
);
