import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Process-level tests spawn the built CLI; keep them from starving each other on 2 cores.
    maxWorkers: 2,
  },
});
