import { defineConfig } from 'vitest/config';
import { rawCss } from './tests/raw-css-plugin.mjs';

// Browser and end-to-end tests drive the built app (`npm run build`): `serve` in Debian's Chromium, the CLI as a process.
export default defineConfig({
  plugins: [rawCss()],
  test: {
    include: ['tests/browser/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
