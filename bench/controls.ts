/**
 * `npm run bench -- controls`: the controls property of test/publish/controls-property.test.ts (issue 29) run for
 * many more sequences than the test's (its `RUNS`), per translations mode. BENCH_CONTROLS_RUNS (2,000 a mode),
 * BENCH_CONTROLS_SEED (a fresh one each run, printed). A failure prints its seed and shrunk sequence: add it to the
 * test file as a shrunk case of its own.
 */
import fc from 'fast-check';
import { ParseThreads } from '../src/publish/parse-pool.js';
import { ControlsBenches, controlsRunArb, runControls } from '../test/helpers/controls-model.js';

export async function benchControls(runs: number, seed: number): Promise<Record<string, unknown>> {
  const started = Date.now();
  const out: Record<string, unknown> = { bench: 'controls', runs, seed };
  // Shared by both modes' publishers, as the test's worker shares its own: no publisher loads a parse thread again.
  const parseThreads = new ParseThreads();
  const benches = new ControlsBenches(parseThreads);
  try {
    for (const mode of ['group', 'separate'] as const) {
      let steps = 0;
      const r = await fc.check(
        fc.asyncProperty(controlsRunArb, async (seq) => {
          steps += seq.length;
          const problem = await runControls(benches, mode, seq);
          if (problem) throw new Error(problem);
        }),
        { seed, numRuns: runs },
      );
      out[mode] = r.failed
        ? { ok: false, seed: r.seed, path: r.counterexamplePath, counterexample: JSON.stringify(r.counterexample?.[0]), error: String(r.errorInstance).slice(0, 2000) }
        : { ok: true, steps };
    }
  } finally {
    await benches.close();
    await parseThreads.close();
  }
  out.seconds = Math.round((Date.now() - started) / 100) / 10;
  return out;
}
