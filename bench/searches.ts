/**
 * Issue 29: subscriptions to a search. A store holding the corpus and `subs` saved searches (one
 * or two words from the corpus's titles, so some match), then single-note saves through the real
 * Publisher: what a save costs with the saved searches against the same saves with none, and the
 * matching alone (SavedSearches.match over every corpus note's words).
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
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

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return { n: times.length, p50Ms: r(percentile(sorted, 50)), p95Ms: r(percentile(sorted, 95)), maxMs: r(sorted[sorted.length - 1]!) };
}

export async function benchSearches(subs = 10_000, saves = 100): Promise<Record<string, unknown>> {
  const ws = benchWorkspace('searches', '');
  const corpus = scanNotesSync(CORPUS_NOTES);
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

  // Each save is a new note (a copy of a corpus note under a new name), announced to whoever matches.
  let copy = 0;
  const save = async (): Promise<number> => {
    const src = corpus[copy % corpus.length]!;
    const to = path.join(ws.notes, 'new', `${copy++}-${path.basename(src)}`);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(src, to);
    const t = performance.now();
    await publisher.processBatch({ changed: [to], removed: [] });
    return performance.now() - t;
  };
  const run = async () => {
    const times: number[] = [];
    for (let i = 0; i < saves; i++) times.push(await save());
    return times;
  };
  await run(); // warm-up: compiled code, page cache
  const rand = prng(29);
  const vocabulary = [...new Set(corpus.flatMap((f) => tokenize(path.basename(f, '.md').replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/-/g, ' '), 'en')))].filter((w) => w.length > 2);
  const queries = Array.from({ length: subs }, () => Array.from({ length: 1 + Math.floor(rand() * 2) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]!).join(' '));
  /** Replaces every subscription by `subs` made of `filterOf(i)`. */
  const subscribeAll = (filterOf: (i: number) => Filter) =>
    store.transaction(() => {
      store.sql('DELETE FROM subscriptions').run();
      for (let i = 0; i < subs; i++) store.subscribe({ platform: 'console', chat: `chat-${i}`, thread: '' }, filterOf(i), 'bench', 'en');
    });
  // Baseline: as many subscriptions, none with words and none matching (reading and routing them costs the same).
  subscribeAll((i) => ({ tags: [`never-${i}`] }));
  const without = stats(await run());
  // Saved searches that do the whole matching work (real words, then one no note has) and queue nothing.
  subscribeAll((i) => ({ words: `${queries[i]!} zq${i}` }));
  await run(); // warm-up: the searches compiled once
  const withSearches = stats(await run());
  // Saved searches as typed (some match: each such save queues its deliveries too, which is not matching).
  subscribeAll((i) => ({ words: queries[i]! }));
  const matching = stats(await run());

  const matcher = new SavedSearches();
  const noteWords = corpus.map((f) => searchText({ title: path.basename(f), tags: [], locale: 'en' }, readFileSync(f, 'utf8')).words);
  // The worst case: 10,000 distinct searches, each looked at in full (its last word matches nothing).
  const distinct = queries.map((q, i) => `${q} zq${i}`);
  matcher.match(noteWords[0]!, 'en', distinct);
  const matchTimes: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const w of noteWords) {
      const t = performance.now();
      matcher.match(w, 'en', distinct);
      matchTimes.push(performance.now() - t);
    }
  }
  const deliveries = store.sql('SELECT COUNT(*) AS n FROM outbox').get() as { n: number };
  store.close();
  return {
    bench: 'Subscriptions to a search (issue 29)',
    machine: machine(),
    savedSearches: subs,
    distinctSearches: distinct.length,
    corpusNotes: corpus.length,
    saveWithSubscriptionsNoWords: without,
    saveWithSearchesMatchingNothing: withSearches,
    addedP95Ms: Math.round((withSearches.p95Ms - without.p95Ms) * 100) / 100,
    saveWithSearchesSomeMatching: matching,
    matchingAlone: stats(matchTimes),
    deliveriesQueued: deliveries.n,
  };
}
