/**
 * Issue 14's lookup benchmark on a blog-shaped tree (bench/blog.ts): the FTS5 index in the
 * database against the previous release's MiniSearch index (bench/baseline), both over the same
 * notes, asked the same queries in en, zh, ja, hi and ar: typed prefixes (a title's first word and
 * part of its second; for Chinese and Japanese, the title's first characters, which end inside a
 * word), and whole words (each title's longest). Reports build time, memory, p50/p99 latency and how often the
 * note's family is among the results.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FILE_LANGS } from '../src/notes/lang.js';
import { noteInfo } from '../src/notes/info.js';
import { readNoteFile } from '../src/notes/read.js';
import { scanNotesSync } from '../src/notes/scan.js';
import { NoteSearch } from '../src/search/index.js';
import { searchText, tokenize } from '../src/search/text.js';
import { Store } from '../src/store/store.js';
import type { NoteInfo, NoteRow, SearchText } from '../src/store/types.js';
import { bodyText } from '../src/summary/body.js';
import { NoteSearch as MiniSearchIndex } from './baseline/minisearch-index.js';
import { blogTree } from './blog.js';
import { benchTmp, machine, percentile, runPhase } from './lib.js';

export const BENCH_READ = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

export interface Doc {
  id: string;
  info: NoteInfo;
  body: string;
}

/** Every note of the tree, parsed as the service parses it (a cold start's work, done up front here). */
export async function loadDocs(dir: string): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (const f of scanNotesSync(dir)) {
    const { note, tokens } = await readNoteFile(dir, f, BENCH_READ);
    docs.push({ id: note.id, info: noteInfo(note), body: bodyText(tokens) });
  }
  return docs;
}

const LANGS = ['en', 'zh', 'ja', 'hi', 'ar'] as const;

interface Query {
  lang: string;
  kind: 'prefix' | 'word';
  q: string;
  /** The note the query was made from; found if its family is in the results. */
  id: string;
}

/** 200 typed prefixes and 200 whole title words per language, from notes spread over the tree. */
export function makeQueries(docs: Doc[]): Query[] {
  const out: Query[] = [];
  for (const lang of LANGS) {
    const pool = docs.filter((d) => d.info.lang === lang);
    for (let i = 0; i < 400 && pool.length; i++) {
      const d = pool[(i * 7919) % pool.length]!;
      const words = tokenize(d.info.title, d.info.locale);
      if (i % 2 === 0) {
        let q: string;
        if (lang === 'zh' || lang === 'ja') q = [...d.info.title].slice(0, 2 + (i % 5)).join('');
        else {
          const second = words[1] ?? words[0] ?? 'a';
          q = `${words.length > 1 ? `${words[0]} ` : ''}${second.slice(0, 2 + (i % Math.max(1, second.length - 1)))}`;
        }
        out.push({ lang, kind: 'prefix', q, id: d.id });
      } else {
        // The word someone remembering the note would type: its title's longest (a common short
        // word such as "in" or "के" is in thousands of titles, and which 25 come first is a coin toss).
        const longest = words.reduce((a, b) => ([...b].length > [...a].length ? b : a), words[0] ?? d.info.title);
        out.push({ lang, kind: 'word', q: longest, id: d.id });
      }
    }
  }
  return out;
}

/** As the publisher writes them: each note's record and words in one putNote, 500 per transaction, FTS5's merges deferred to the end past one (store/fts.ts). */
export function indexDocs(store: Store, docs: Doc[]): void {
  const merges = docs.length > 500 ? store.indexMerges.defer() : undefined;
  for (let i = 0; i < docs.length; i += 500) {
    const chunk = docs.slice(i, i + 500);
    const texts: SearchText[] = chunk.map((d) => searchText(d.info, d.body));
    store.transaction(() => {
      chunk.forEach((d, j) => {
        const row: NoteRow = { id: d.id, file: d.info.file, hash: d.id, summaryHash: null, state: 'published', dueAt: null, revision: 0, announced: false, info: d.info, summary: null, error: null };
        store.putNote(row, texts[j]);
      });
    });
  }
  merges?.end();
}

function heapMiB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function rssMiB(): number {
  globalThis.gc?.();
  return process.memoryUsage().rss / 2 ** 20;
}

type Searcher = (q: string, lang: string) => { members: string[] }[];

function ask(search: Searcher, queries: Query[]): Record<string, unknown> {
  const byLang: Record<string, { found: number; total: number; times: number[] }> = {};
  const all: number[] = [];
  for (const q of queries) {
    const key = `${q.lang}-${q.kind}`;
    const e = (byLang[key] ??= { found: 0, total: 0, times: [] });
    const t0 = performance.now();
    const results = search(q.q, q.lang);
    const ms = performance.now() - t0;
    e.times.push(ms);
    all.push(ms);
    e.total++;
    if (results.some((r) => r.members.includes(q.id))) e.found++;
  }
  all.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    p50Ms: round(percentile(all, 50)),
    p99Ms: round(percentile(all, 99)),
    perLanguage: Object.fromEntries(
      Object.entries(byLang).map(([k, e]) => {
        const sorted = e.times.sort((a, b) => a - b);
        return [k, { found: `${e.found}/${e.total}`, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)) }];
      }),
    ),
  };
}

async function phase(kind: string, dir: string): Promise<void> {
  const docs = await loadDocs(dir);
  const queries = makeQueries(docs);
  const heap0 = heapMiB();
  const rss0 = rssMiB();
  const t0 = performance.now();
  let search: Searcher;
  let keep: unknown;
  if (kind === 'baseline') {
    const index = new MiniSearchIndex();
    for (const d of docs) index.upsert(d);
    search = (q, lang) => index.search(q, { lang, limit: 25 });
    keep = index;
  } else {
    const db = benchTmp('search-fts.db');
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    const store = new Store(db);
    indexDocs(store, docs);
    const index = new NoteSearch(store);
    search = (q, lang) => index.search(q, { lang, limit: 25 });
    keep = store;
  }
  const buildMs = performance.now() - t0;
  const built = { heapMiB: Math.round(heapMiB() - heap0), rssMiB: Math.round(rssMiB() - rss0) };
  ask(search, queries.slice(0, 50)); // warm-up: statements prepared, pages cached
  const answers = ask(search, queries);
  console.log(JSON.stringify({ kind, docs: docs.length, queries: queries.length, buildMs: Math.round(buildMs), indexHeapMiB: built.heapMiB, indexRssMiB: built.rssMiB, kept: !!keep, ...answers }));
}

export async function benchSearch(n = 35_000): Promise<Record<string, unknown>> {
  const tree = blogTree(n, benchTmp(`blog-${n}`));
  const self = fileURLToPath(import.meta.url);
  const baseline = runPhase(self, ['baseline', tree.dir]);
  const fts = runPhase(self, ['fts', tree.dir]);
  return {
    bench: 'lookup: FTS5 in the database vs the previous MiniSearch index (issue 14)',
    machine: machine(),
    notes: tree.notes,
    families: tree.families,
    queries: fts.queries,
    baseline: { buildMs: baseline.buildMs, indexHeapMiB: baseline.indexHeapMiB, indexRssMiB: baseline.indexRssMiB, p50Ms: baseline.p50Ms, p99Ms: baseline.p99Ms, perLanguage: baseline.perLanguage },
    fts5: { buildMs: fts.buildMs, indexHeapMiB: fts.indexHeapMiB, indexRssMiB: fts.indexRssMiB, p50Ms: fts.p50Ms, p99Ms: fts.p99Ms, perLanguage: fts.perLanguage },
    p99VsBaseline: Math.round((Number(fts.p99Ms) / Number(baseline.p99Ms)) * 100) / 100,
    target: 'p99 <= 10 ms for typed prefixes and whole words in en, zh, ja, hi, ar; found at least as often as the baseline in each',
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  await phase(process.argv[2], process.argv[3]!);
}
