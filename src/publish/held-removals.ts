/**
 * Removals the guard held (more than `watch.removalThreshold` notes gone at once: an unmount, a branch
 * switch), remembered in the store so that they are said (`status`, `sync --once`'s summary line) and
 * can be confirmed (`--accept-removals`). A removal held at an earlier run or window stays held, but
 * does not count again: the removals new since then are judged on their own, as `start` always did
 * between its windows, so a later single deletion is applied while a new burst is still held.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Store } from '../store/store.js';
import { metaList } from './meta-keys.js';

/** The store's meta key of the held removals (a JSON list of HeldRemoval). */
const HELD_REMOVALS_KEY = 'removals.held';
/** What applies them: said by `status` and `sync --once`. */
const ACCEPT_COMMAND = 'notecast sync --once --accept-removals (or start --accept-removals)';

const heldRemovalSchema = z.object({ file: z.string(), since: z.number() });
export type HeldRemoval = z.infer<typeof heldRemovalSchema>;

/** The held removals recorded, oldest first; none if the record is missing or unreadable (the guard then holds them afresh). */
export function readHeldRemovals(store: Pick<Store, 'getMeta'>): HeldRemoval[] {
  return metaList(store, HELD_REMOVALS_KEY, heldRemovalSchema);
}

function writeHeldRemovals(store: Pick<Store, 'setMeta'>, held: readonly HeldRemoval[]): void {
  store.setMeta(HELD_REMOVALS_KEY, JSON.stringify([...held].sort((a, b) => a.since - b.since || a.file.localeCompare(b.file))));
}

export interface RemovalJudgement {
  /** Removals to act on now, as `publish.onDelete` says. */
  apply: string[];
  /** The held removals after this judgement (the record to write). */
  held: HeldRemoval[];
  /** Of `held`, those new in this judgement (a burst over the threshold). */
  fresh: number;
}

/**
 * Pure. `removals`: the paths gone now; `before`: the record; `accepted`: paths the operator confirmed
 * (--accept-removals), applied whatever their number; `stillGone`: whether a recorded path not among
 * `removals` is still missing (else it came back, and leaves the record).
 */
export function judgeRemovals(removals: readonly string[], before: readonly HeldRemoval[], opts: { threshold: number; now: number; accepted: ReadonlySet<string>; stillGone: (file: string) => boolean }): RemovalJudgement {
  const earlier = new Map(before.map((h) => [h.file, h.since]));
  const now = new Set(removals);
  const apply = removals.filter((f) => opts.accepted.has(f));
  const rest = removals.filter((f) => !opts.accepted.has(f));
  const newOnes = rest.filter((f) => !earlier.has(f));
  const burst = newOnes.length > opts.threshold;
  if (!burst) apply.push(...newOnes);
  const held: HeldRemoval[] = rest.flatMap((file) => (earlier.has(file) ? [{ file, since: earlier.get(file)! }] : burst ? [{ file, since: opts.now }] : []));
  for (const h of before) if (!now.has(h.file) && !opts.accepted.has(h.file) && opts.stillGone(h.file)) held.push(h);
  return { apply, held, fresh: burst ? newOnes.length : 0 };
}

/** What `status` and `sync --once` say of the held removals; null when none. */
export interface HeldRemovalsReport {
  count: number;
  /** Held at an earlier run or window than the latest burst (not counted against the threshold again). */
  earlier: number;
  /** The first few paths, relative to the notes folder. */
  sample: string[];
  /** When the oldest was held (ISO time). */
  since: string;
  apply: string;
}

/** `earlierThan`: held before then (a run's start) counts as earlier; by default, before the latest burst. */
export function heldRemovalsReport(held: readonly HeldRemoval[], earlierThan?: number): HeldRemovalsReport | null {
  if (!held.length) return null;
  const times = held.map((h) => h.since);
  const cut = earlierThan ?? times.reduce((a, b) => Math.max(a, b));
  const since = times.reduce((a, b) => Math.min(a, b));
  return { count: held.length, earlier: times.filter((t) => t < cut).length, sample: held.slice(0, 5).map((h) => h.file), since: new Date(since).toISOString(), apply: ACCEPT_COMMAND };
}

/**
 * The guard (publisher.ts commitRemovals): judges `removals` against the record, writes the record
 * back, warns of a new burst held (and of earlier ones found still gone), and returns what to apply.
 */
export function guardRemovals(deps: { store: Store; root: string; threshold: number; warn: (obj: object, msg: string) => void }, removals: readonly string[], accepted: ReadonlySet<string>, now: number): { apply: string[]; held: number } {
  const before = readHeldRemovals(deps.store);
  const j = judgeRemovals(removals, before, { threshold: deps.threshold, now, accepted, stillGone: (f) => !existsSync(path.join(deps.root, f)) });
  if (before.length || j.held.length) writeHeldRemovals(deps.store, j.held);
  const sample = (files: string[]) => files.slice(0, 5);
  const earlier = new Set(before.map((h) => h.file));
  if (j.fresh) deps.warn({ count: j.fresh, threshold: deps.threshold, sample: sample(removals.filter((f) => !earlier.has(f))), apply: ACCEPT_COMMAND }, 'many notes vanished at once (unmounted folder or branch switch?): removals held, nothing deleted');
  const again = removals.filter((f) => earlier.has(f) && !accepted.has(f));
  if (again.length) deps.warn({ count: again.length, since: heldRemovalsReport(before)?.since, sample: sample(again), apply: ACCEPT_COMMAND }, 'removals held earlier are still held (their files are still gone)');
  return { apply: j.apply, held: j.held.length };
}
