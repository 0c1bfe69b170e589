import { defineConfig } from 'vitest/config';

// Browser tests drive the built app (`npm run build`) through `serve` in Debian's Chromium.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
