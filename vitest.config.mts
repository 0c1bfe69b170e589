import { defineConfig } from 'vitest/config';
import { rawCss } from './tests/raw-css-plugin.mjs';

export default defineConfig({
  plugins: [rawCss()],
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
