import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,core,cli,province,electron,renderer,tests}/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
