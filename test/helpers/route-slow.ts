/**
 * The model's slow note (route-model.ts Op `slow`; issue 25, item 5: one pathological note froze everything): a note
 * whose body parses far past `notes.parseTimeoutMs` saved among other changes, while the service runs or while it is
 * stopped (the start-up scan), more saves after it, then the note fixed. README (Notes are parsed on worker threads):
 * the notes saved with it and the saves after are announced, it is that note's error (`took too long to parse`), and
 * once its content changes it is read again. The model's rules after each half (route-model.ts `violations`) say the
 * rest: the others announced, nothing shown of the slow text, the fixed note announced once.
 */
import type { InProcessService } from './inproc.js';
import type { Op, World } from './route-model.js';
import { TOO_LONG } from '../../src/publish/parse-pool.js';

/**
 * The parse budget of a sequence with a slow note: small, so the note costs little, and still far past a model note's
 * parse. 2000 ms was met by ordinary notes at load 28 (`MODEL_RUNS=10 MODEL_SEED=801`: a one-paragraph note recorded as
 * its error at the sequence's first step): the budget runs by the clock, and a starved thread parses slowly.
 */
export const SLOW_BUDGET_MS = 5000;

/**
 * A body that takes far longer than SLOW_BUDGET_MS to parse, within the model's `notes.maxBytes` (1 MiB): a megabyte
 * of `*a` (the tester's: 211 s on the main thread), or of `[*a`, unclosed link texts with emphasis in them (marked's
 * lexer past 12 s on a quiet machine). The tester's `[a](` × 250,000 (38 s then) lexes in ~0.5 s with today's marked:
 * on a quiet CI machine the whole note parsed within the budget and was posted (seed 27, CI on c99de34).
 */
export function slowText(kind: 'stars' | 'links'): string {
  return `---\ntitle: Slow\n---\n\n${kind === 'stars' ? '*a'.repeat(500_000) : '[*a'.repeat(330_000)}`;
}

/** Applies ops as one burst (route-model.ts applyBurst). */
type Burst = (world: World, ops: readonly Op[]) => string[];

/**
 * The slow note's first half: saved with `ops` (stopped and started again when `offline`), `after` saved once their
 * batch was handed over, everything settled. Returns the problems: the slow note's record must hold its own error.
 * Its fix is the step's last change, handled by the caller as any write (`World.fixSlow`).
 */
export async function slowHalf(svc: InProcessService, world: World, o: Extract<Op, { op: 'slow' }>, burst: Burst): Promise<string[]> {
  if (o.offline) await svc.stop();
  const first = [...world.writeSlow(o.file, slowText(o.kind)), ...burst(world, o.ops)];
  if (o.offline) await svc.start(); // its scan sets the slow note aside; idle once it is decided
  else await svc.batched(first, 60_000);
  const later = burst(world, o.after);
  const expected = o.offline ? later : [...first, ...later];
  if (expected.length) await svc.settle(expected, 60_000);
  const error = svc.app!.store.getNote(o.file.replace(/\.md$/, ''))?.error;
  return error === `${o.file}: ${TOO_LONG}` ? [] : [`${o.file}, a note past the parse budget, is recorded with ${error === undefined ? 'no record' : `error ${JSON.stringify(error)}`}, not its own error (${TOO_LONG})`];
}

/** Once fixed: the record holds no error (read again once its content changed). */
export function fixedProblems(svc: InProcessService, file: string): string[] {
  const error = svc.app!.store.getNote(file.replace(/\.md$/, ''))?.error;
  return error ? [`${file}, fixed, still has the error ${JSON.stringify(error)}`] : [];
}
