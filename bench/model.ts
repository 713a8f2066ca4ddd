/**
 * `npm run bench -- model`: the model-based test of the whole route (test/reliability/model.test.ts)
 * run for many more sequences. BENCH_MODEL_RUNS (200 per onDelete mode), BENCH_MODEL_SEED (a fresh
 * one each run, printed), BENCH_MODEL_STEPS (16). A failure prints its seed and shrunk sequence:
 * add it to model.test.ts as a test of its own.
 */
import fc from 'fast-check';
import { runSequence, sequenceArb } from '../test/helpers/route-model.js';

export async function benchModel(runs: number, seed: number, steps: number): Promise<Record<string, unknown>> {
  const started = Date.now();
  const out: Record<string, unknown> = { bench: 'model', runs, seed, steps };
  for (const onDelete of ['delete', 'keep'] as const) {
    let sequences = 0;
    let stepsRun = 0;
    const r = await fc.check(
      fc.asyncProperty(sequenceArb(steps), async (ops) => {
        sequences++;
        const res = await runSequence(ops, onDelete);
        stepsRun += res.steps;
        if (res.problems.length) throw new Error(`after step ${res.steps}: ${res.problems.join('; ')}`);
      }),
      { seed, numRuns: runs },
    );
    out[onDelete] = r.failed
      ? { ok: false, seed: r.seed, path: r.counterexamplePath, counterexample: JSON.stringify(r.counterexample?.[0]), error: String(r.errorInstance).slice(0, 2000) }
      : { ok: true, sequences, steps: stepsRun };
  }
  out.seconds = Math.round((Date.now() - started) / 100) / 10;
  return out;
}
