import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension and widget in Debian's Chromium through playwright-core.
// Run after `npm run build && npm run build:widget` (npm run test:e2e does both).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
