import { defineConfig } from 'vitest/config';

const SOAK = 'test/reliability/soak.test.ts';
// Waits out a group's window of Telegram's 20 messages (shortened to 20 s: TelegramAdapterOptions.groupWindowMs),
// doing next to nothing meanwhile; alone in its file, so the webhook's other tests run with the rest and this
// one waits beside the soak, where its ~25 s cost no wall time.
const GROUP_MINUTE = 'test/adapters/telegram-group-minute.test.ts';
// Files that replace a module (`vi.mock`): in the shared module graph of `isolate: false` the module may
// already be loaded, unmocked, by an earlier file of the same worker, so the mock would see nothing
// (thread-reads.test.ts failed so in CI, its "no read" case passing by accident; vitest-dev/vitest#11152,
// and the other way round a mock leaks into a later file): each gets its own graph.
const MOCKS_A_MODULE = ['test/publish/thread-reads.test.ts', 'test/publish/idle-compaction.test.ts', 'test/search/lookup-prose-tex.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Stops the run before any test when dist/ is missing or older than src/ (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    // NOTECAST_TEST_CPU_LOG=<file>: each file's CPU appended there (test/helpers/cpu-per-file.ts), to rank files by it.
    // test/helpers/temp-folder-cleanup.ts: each file's temporary folders (tempFolder) removed when it ends.
    setupFiles: ['test/helpers/temp-folder-cleanup.ts', ...(process.env.NOTECAST_TEST_CPU_LOG ? ['test/helpers/cpu-per-file.ts'] : [])],
    hookTimeout: 30_000,
    // Most files mostly wait (fake servers, quiet periods; 16 sampled: 33-39 s of CPU in 134 s of file time), so
    // more workers than cores pay. Whole suite on a quiet 2-core machine, same clone of dc5ea25, one after another:
    // 2 workers 651.6 s (CI of 95cff44), 4 workers 372.7 s green, 6 workers 316.1 s with a timing-dependent failure
    // (family-folder "all at once": two batches in place of one). 4 is the default; NOTECAST_TEST_WORKERS=<n>
    // overrides it (vitest's --maxWorkers does not override this) (issue 24).
    maxWorkers: Number(process.env.NOTECAST_TEST_WORKERS) || 4,
    projects: [
      // One module graph per worker, not per file: measured on the unit folders (summary, render, notes,
      // search, store, commands, contract; 269 tests) the imports took 26 s instead of 81 s and the CPU
      // 20 s instead of 36 s. Safe here: no module-level state (no global singletons) but the idle parse
      // threads the worker's in-process services share on purpose (test/helpers/parse-threads.ts) and their table of
      // locks on database files (test/fakes/file-lock.ts, the process's own, as the kernel's flock table is), no
      // vi.mock, fake timers restored after each test, and files run one at a time per worker.
      // Files whose tests mostly wait run them at once (`describe.concurrent`): three at a time, as
      // five starved each other of CPU at load 16-22 (a discord.js client not ready in 20 s).
      { extends: true, test: { name: 'tests', include: ['test/**/*.test.ts'], exclude: [SOAK, GROUP_MINUTE, ...MOCKS_A_MODULE], isolate: false, maxConcurrency: 3, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'isolated', include: MOCKS_A_MODULE, isolate: true, sequence: { groupOrder: 0 } } },
      // The soak (5,000 announcements; the bench's 10,000 took a minute in CI) runs after the others, so
      // neither the timing of their tests nor its own memory and fd figures depend on them. Beside it, on the second
      // worker, only the group-minute test, which is idle that minute (its service answers 25 /help):
      // it no longer holds a worker of the others for its window, and the soak's figures are its own
      // process's. `--project tests` leaves both out.
      { extends: true, test: { name: 'soak', include: [SOAK, GROUP_MINUTE], sequence: { groupOrder: 1 } } },
    ],
  },
});
