/**
 * Issue 29: subscriptions to a search; the target is "matching adds ≤ 10 ms p95 to a save" with
 * 10,000 saved searches. Three stores, each holding the corpus, each with its own Publisher:
 * `without` has no subscription at all (the baseline: the same save and commit with 0 saved
 * searches), `with` 10,000 saved searches that do the whole matching work and match nothing (real
 * words, then one no note has), `typed` the same searches as typed (some match, so those saves
 * also queue deliveries, which is not matching). Each round saves the same new note (a copy of a
 * corpus note) into each, in an order that turns every round, so a machine whose load changes
 * meanwhile weighs on all three alike. Then the matching alone (SavedSearches.match) per note.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configSchema, type Filter } from '../src/config/schema.js';
import { silentLogger } from '../src/log.js';
import { DEFAULT_FILE_LANGS } from '../src/notes/lang.js';
import { scanNotesSync } from '../src/notes/scan.js';
import { Publisher } from '../src/publish/publisher.js';
import { SavedSearches } from '../src/search/saved.js';
import { searchText, tokenize } from '../src/search/text.js';
import { Store } from '../src/store/store.js';
import { CORPUS_NOTES, machine, percentile } from './lib.js';
import { benchWorkspace } from './service.js';
import { DEFAULT_SUMMARY_OPTIONS } from '../src/summary/build.js';

/** A small deterministic generator, so every run saves the same searches. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: times.length, p50Ms: round2(percentile(sorted, 50)), p95Ms: round2(percentile(sorted, 95)), maxMs: round2(sorted[sorted.length - 1]!) };
}

interface Variant {
  name: 'without' | 'with' | 'typed';
  notes: string;
  store: Store;
  publisher: Publisher;
  times: number[];
}

/** A store holding the corpus (recorded as a first run records it) and a Publisher on it. */
async function variant(name: Variant['name'], corpus: readonly string[]): Promise<Variant> {
  const ws = benchWorkspace(`searches-${name}`, '');
  for (const f of corpus) {
    const to = path.join(ws.notes, path.relative(CORPUS_NOTES, f));
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(f, to);
  }
  const store = new Store(ws.db);
  const config = configSchema.parse({ publish: { translations: 'separate' } });
  const publisher = new Publisher({
    root: ws.notes, store, config, platforms: new Set(['console']), log: silentLogger(), onEnqueued: () => undefined,
    read: { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: config.site },
    summary: DEFAULT_SUMMARY_OPTIONS,
  });
  await publisher.processBatch({ changed: scanNotesSync(ws.notes), removed: [] }, { firstRun: true });
  return { name, notes: ws.notes, store, publisher, times: [] };
}

/** Replaces a store's subscriptions by `count` made of `filterOf(i)`. */
function subscribeAll(store: Store, count: number, filterOf: (i: number) => Filter): void {
  store.transaction(() => {
    store.sql('DELETE FROM subscriptions').run();
    for (let i = 0; i < count; i++) store.subscribe({ platform: 'console', chat: `chat-${i}`, thread: '' }, filterOf(i), 'bench', 'en');
  });
}

/** Saves `src` as a new note into `v`'s folder and times the Publisher's handling of it (read, parse, decide, match, commit). */
async function timedSave(v: Variant, src: string, n: number): Promise<number> {
  const to = path.join(v.notes, 'new', `${n}-${path.basename(src)}`);
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(src, to);
  const t = performance.now();
  await v.publisher.processBatch({ changed: [to], removed: [] });
  return performance.now() - t;
}

/** `saves` rounds; each saves the same note into every variant, the order turning each round. */
async function interleaved(variants: Variant[], corpus: readonly string[], saves: number, from: number, record: boolean): Promise<void> {
  for (let i = 0; i < saves; i++) {
    const src = corpus[(from + i) % corpus.length]!;
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(i + k) % variants.length]!;
      const ms = await timedSave(v, src, from + i);
      if (record) v.times.push(ms);
    }
  }
}

function matchingAlone(corpus: readonly string[], distinct: readonly string[]) {
  const matcher = new SavedSearches();
  const noteWords = corpus.map((f) => searchText({ title: path.basename(f), tags: [], locale: 'en' }, readFileSync(f, 'utf8')).words);
  matcher.match(noteWords[0]!, 'en', distinct);
  const times: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const w of noteWords) {
      const t = performance.now();
      matcher.match(w, 'en', distinct);
      times.push(performance.now() - t);
    }
  }
  return stats(times);
}

export async function benchSearches(subs = 10_000, saves = 200): Promise<Record<string, unknown>> {
  const corpus = scanNotesSync(CORPUS_NOTES);
  const rand = prng(29);
  const vocabulary = [...new Set(corpus.flatMap((f) => tokenize(path.basename(f, '.md').replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/-/g, ' '), 'en')))].filter((w) => w.length > 2);
  const queries = Array.from({ length: subs }, () => Array.from({ length: 1 + Math.floor(rand() * 2) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]!).join(' '));
  // Distinct: each looked at in full, its last word matching nothing.
  const distinct = queries.map((q, i) => `${q} zq${i}`);

  const without = await variant('without', corpus);
  const withSearches = await variant('with', corpus);
  const typed = await variant('typed', corpus);
  subscribeAll(withSearches.store, subs, (i) => ({ words: distinct[i]! }));
  subscribeAll(typed.store, subs, (i) => ({ words: queries[i]! }));
  const all = [without, withSearches, typed];
  const loadBefore = os.loadavg()[0]!;
  await interleaved(all, corpus, Math.min(saves, 50), 0, false); // warm-up: compiled code, the searches compiled once, page cache
  await interleaved(all, corpus, saves, 1_000_000, true);
  const loadAfter = os.loadavg()[0]!;

  const base = stats(without.times);
  const measured = stats(withSearches.times);
  const deliveries = typed.store.sql('SELECT COUNT(*) AS n FROM outbox').get() as { n: number };
  for (const v of all) {
    await v.publisher.close();
    v.store.close();
  }
  return {
    bench: 'Subscriptions to a search (issue 29): a save with 10,000 saved searches against the same save with none, interleaved',
    machine: machine(),
    loadAverage1m: { before: round2(loadBefore), after: round2(loadAfter) },
    savedSearches: subs,
    distinctSearches: new Set(distinct).size,
    corpusNotes: corpus.length,
    savesPerVariant: saves,
    saveWithoutSearches: base,
    saveWithSearchesMatchingNothing: measured,
    addedP50Ms: round2(measured.p50Ms - base.p50Ms),
    addedP95Ms: round2(measured.p95Ms - base.p95Ms),
    p95Ratio: round2(measured.p95Ms / base.p95Ms),
    targetAddedP95Ms: 10,
    saveWithSearchesAsTyped: stats(typed.times),
    deliveriesQueuedAsTyped: deliveries.n,
    matchingAlone: matchingAlone(corpus, distinct),
  };
}
