import { defineConfig } from 'vitest/config';

const SOAK = 'test/reliability/soak.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Process-level tests spawn the built CLI; keep them from starving each other on 2 cores.
    maxWorkers: 2,
    projects: [
      // One module graph per worker, not per file: measured on the unit folders (summary, render, notes,
      // search, store, commands, contract; 269 tests) the imports took 26 s instead of 81 s and the CPU
      // 20 s instead of 36 s. Safe here: no module-level state (no global singletons), no vi.mock, fake
      // timers restored after each test, and files run one at a time per worker.
      { extends: true, test: { name: 'tests', include: ['test/**/*.test.ts'], exclude: [SOAK], isolate: false, sequence: { groupOrder: 0 } } },
      // The soak keeps both cores busy for a minute: it runs alone, after the others, so neither
      // the timing of their tests nor its own memory and fd figures depend on what runs beside it.
      { extends: true, test: { name: 'soak', include: [SOAK], sequence: { groupOrder: 1 } } },
    ],
  },
});
