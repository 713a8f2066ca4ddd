/**
 * `npm run bench -- model`: the model-based test of the whole route (test/reliability/model.test.ts)
 * run for many more sequences (BENCH_MODEL_PLATFORM=1: test/reliability/platform-model.test.ts's, platform events and
 * error answers over the fake Telegram, both properties). BENCH_MODEL_RUNS (200 per onDelete mode), BENCH_MODEL_SEED (a fresh
 * one each run, printed), BENCH_MODEL_STEPS (16), BENCH_MODEL_DIGESTS=1 (the sequences with burst digests,
 * route-digest.ts, instead of the plain ones), BENCH_MODEL_CRASH=1 (sequences with a kill -9 one command in four, at
 * every point: route-model.ts crashSequenceArb; with BENCH_MODEL_PLATFORM=1, the platform model's crash step weighs more). A failure prints its seed and shrunk sequence:
 * add it to model.test.ts as a test of its own.
 */
import fc from 'fast-check';
import { ParseThreads } from '../src/publish/parse-pool.js';
import { crashSequenceArb, digestSequenceArb, runSequence, sequenceArb } from '../test/helpers/route-model.js';
import { errorPhasesArb, platformSequenceArb } from '../test/helpers/platform-model.js';
import { runPlatformSequence } from '../test/helpers/platform-run.js';

export async function benchModel(runs: number, seed: number, steps: number): Promise<Record<string, unknown>> {
  const started = Date.now();
  const out: Record<string, unknown> = { bench: 'model', runs, seed, steps };
  // Shared by every start of every sequence, as in model.test.ts: no start loads a parse thread again.
  const parseThreads = new ParseThreads();
  try {
    await hunt(runs, seed, steps, parseThreads, out);
  } finally {
    await parseThreads.close();
  }
  out.seconds = Math.round((Date.now() - started) / 100) / 10;
  return out;
}

/**
 * A sequence still running after BENCH_MODEL_TIMEOUT s (300) fails as a counterexample (fast-check's `timeout`): a service
 * that never settles (its waits keep seeing signals, so no stall ends them) would otherwise hold the hunt for ever.
 */
const sequenceTimeoutMs = () => Number(process.env.BENCH_MODEL_TIMEOUT ?? 300) * 1000;
// BENCH_MODEL_SHRINK=0: the first failing sequence as it was drawn, without shrinking it (each try of a shrink is a run).

async function hunt(runs: number, seed: number, steps: number, parseThreads: ParseThreads, out: Record<string, unknown>): Promise<void> {
  if (process.env.BENCH_MODEL_PLATFORM === '1') return huntPlatform(runs, seed, steps, parseThreads, out);
  const digests = process.env.BENCH_MODEL_DIGESTS === '1';
  const crash = process.env.BENCH_MODEL_CRASH === '1';
  Object.assign(out, { digests, crash });
  for (const onDelete of ['delete', 'keep'] as const) {
    let sequences = 0;
    let stepsRun = 0;
    const r = await fc.check(
      fc.asyncProperty(digests ? digestSequenceArb(steps) : crash ? crashSequenceArb(steps) : sequenceArb(steps), async (ops) => {
        sequences++;
        const res = await runSequence(ops, onDelete, parseThreads, { digests });
        stepsRun += res.steps;
        if (res.problems.length) throw new Error(`after step ${res.steps}: ${res.problems.join('; ')}`);
      }),
      { seed, numRuns: runs, timeout: sequenceTimeoutMs(), endOnFailure: process.env.BENCH_MODEL_SHRINK === '0' },
    );
    out[onDelete] = r.failed
      ? { ok: false, seed: r.seed, path: r.counterexamplePath, counterexample: JSON.stringify(r.counterexample?.[0]), error: String(r.errorInstance).slice(0, 2000) }
      : { ok: true, sequences, steps: stepsRun };
  }
}

/** The platform model's two properties (platform-model.ts), `runs` each per onDelete mode; error phases: a quarter of `steps`. */
async function huntPlatform(runs: number, seed: number, steps: number, parseThreads: ParseThreads, out: Record<string, unknown>): Promise<void> {
  Object.assign(out, { platform: true, crash: process.env.BENCH_MODEL_CRASH === '1' });
  for (const onDelete of ['delete', 'keep'] as const) {
    // BENCH_MODEL_PROPERTY=events or errors: that property alone (a hunt for a step only one of them draws).
    const properties = ([['events', platformSequenceArb(steps, process.env.BENCH_MODEL_CRASH === '1' ? 6 : 1)], ['errors', errorPhasesArb(Math.max(1, Math.round(steps / 4))).map((ops) => [...ops, { op: 'subscribe' as const }])]] as const).filter(([name]) => (process.env.BENCH_MODEL_PROPERTY ?? name) === name);
    for (const [name, arb] of properties) {
      let sequences = 0;
      const r = await fc.check(
        fc.asyncProperty(arb, async (ops) => {
          sequences++;
          const res = await runPlatformSequence(ops, onDelete, parseThreads);
          if (res.problems.length) throw new Error(`after step ${res.steps}: ${res.problems.join('; ')}`);
        }),
        { seed, numRuns: runs, timeout: sequenceTimeoutMs(), endOnFailure: process.env.BENCH_MODEL_SHRINK === '0' },
      );
      out[`${name}-${onDelete}`] = r.failed ? { ok: false, seed: r.seed, path: r.counterexamplePath, counterexample: JSON.stringify(r.counterexample?.[0]), error: String(r.errorInstance).slice(0, 2000) } : { ok: true, sequences };
    }
  }
}
