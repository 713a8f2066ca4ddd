/**
 * Issue 25 (tester 20, F3): one note, one budget. A parse thread loads the summary's modules when its first note wants a
 * summary, and no budget runs meanwhile (parse-worker.ts). The budget then began again whole: a cold thread (a start-up
 * scan's, or a restart's) gave a note its parse and then a whole budget for its summary, where a warm one (a running
 * service's) gave it one budget for both, and the same note was refused on one run and announced on the next.
 *
 * The thread here is a stand-in whose phases are its own clock's: it computes for `PHASE_MS`, says it loads the
 * summary's modules (for `loadMs`), and computes `PHASE_MS` again. Nothing is timed by the test itself: the verdict is
 * the thread's (past its budget, or not).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BudgetedWorker } from '../../src/publish/budgeted-worker.js';
import { LOADING_SUMMARIES, READY, SUMMARIES_LOADED, TOO_LONG } from '../../src/publish/parse-jobs.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';
import { tempFolder } from '../helpers/temp-folder.js';

// Two thirds of the first figures (2000 and 1500): the verdicts stand on the margins, 600 ms past the budget (the
// first test) and 1400 ms short of it (the second), each well over the main thread's delays at load 25.
const BUDGET_MS = 1400;
/** Each of a note's two phases: short of the budget alone, past it together. */
const PHASE_MS = 1000;

/** A thread that parses each note in two phases of PHASE_MS of its own clock, loading the summary's modules (`loadMs`) between them. */
function stageThread(loadMs: number): string {
  const file = path.join(tempFolder('notecast-budget-'), 'thread.mjs');
  writeFileSync(
    file,
    `import { parentPort } from 'node:worker_threads';
const spin = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
parentPort.on('message', async (jobs) => {
  for (const job of jobs) {
    spin(${PHASE_MS});
    parentPort.postMessage(${JSON.stringify(LOADING_SUMMARIES)});
    await sleep(${loadMs});
    parentPort.postMessage(${JSON.stringify(SUMMARIES_LOADED)});
    spin(${PHASE_MS});
    parentPort.postMessage({ ok: false, rel: job.rel, error: { message: 'parsed in time' } });
  }
});
parentPort.postMessage(${JSON.stringify(READY)});
`,
  );
  return file;
}

const options = { read: { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} }, realRoot: '/notes' }, summary: DEFAULT_SUMMARY_OPTIONS, budgetMs: BUDGET_MS };

let thread: BudgetedWorker | undefined;
afterEach(async () => {
  await thread?.terminate();
  thread = undefined;
});

describe('a note’s budget is one, whether its thread loads the summary’s modules on it or not', () => {
  it('a note past its budget in parse and summary together is refused, though each alone is short of it', { timeout: 60_000 }, async () => {
    thread = new BudgetedWorker(stageThread(50), options);
    const [r] = await thread.run([{ rel: 'slow.md', text: 'x', hash: 'h' }]);
    expect(r).toMatchObject({ ok: false, rel: 'slow.md', error: { message: TOO_LONG } });
  });

  it('the modules’ load is not counted: a load longer than the budget refuses no note parsed within it', { timeout: 60_000 }, async () => {
    thread = new BudgetedWorker(stageThread(BUDGET_MS * 3), { ...options, budgetMs: PHASE_MS * 2 + BUDGET_MS });
    const [r] = await thread.run([{ rel: 'fine.md', text: 'x', hash: 'h' }]);
    expect(r).toMatchObject({ ok: false, rel: 'fine.md', error: { message: 'parsed in time' } });
  });
});
