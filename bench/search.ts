/**
 * Issue 4's benchmark: build the lookup index over N notes (the corpus replicated), its memory,
 * and autocomplete-style prefix query latency; against a bare MiniSearch index of the same documents.
 */
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { readNoteFile } from '../src/notes/read.js';
import { scanNotesSync } from '../src/notes/scan.js';
import { DEFAULT_FILE_LANGS } from '../src/notes/lang.js';
import { noteInfo } from '../src/notes/info.js';
import { NoteSearch, type SearchDoc } from '../src/search/index.js';
import { tokenize } from '../src/search/text.js';
import { bodyText } from '../src/summary/body.js';
import { benchTmp, machine, percentile, replicateCorpus, runPhase } from './lib.js';

export async function loadSearchDocs(dir: string): Promise<SearchDoc[]> {
  const read = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };
  const docs: SearchDoc[] = [];
  for (const f of scanNotesSync(dir)) {
    const { note, tokens } = await readNoteFile(dir, f, read);
    docs.push({ id: note.id, info: noteInfo(note), body: bodyText(tokens) });
  }
  return docs;
}

function heapMiB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function phase(kind: string, dir: string): Promise<void> {
  const docs = await loadSearchDocs(dir);
  const before = heapMiB();
  const t0 = performance.now();
  if (kind === 'bare') {
    const mini = new MiniSearch({ fields: ['title', 'tags', 'body'] });
    for (const d of docs) mini.add({ id: d.id, title: d.info.title, tags: d.info.tags.join(' '), body: d.body });
    const buildMs = performance.now() - t0;
    console.log(JSON.stringify({ kind, docs: docs.length, buildMs: Math.round(buildMs), indexMiB: Math.round(heapMiB() - before), keep: mini.documentCount }));
    return;
  }
  const index = new NoteSearch();
  for (const d of docs) index.upsert(d);
  const buildMs = performance.now() - t0;
  const indexMiB = Math.round(heapMiB() - before);
  // 1,000 autocomplete queries: a title's first word and a growing prefix of its second, in its language.
  const queries: { q: string; lang: string }[] = [];
  for (let i = 0; queries.length < 1000; i++) {
    const d = docs[(i * 7919) % docs.length]!;
    const words = tokenize(d.info.title, d.info.locale);
    const second = words[1] ?? words[0] ?? 'a';
    const typed = second.slice(0, 1 + (i % Math.max(1, second.length)));
    queries.push({ q: words.length > 1 ? `${words[0]} ${typed}` : typed, lang: d.info.lang });
  }
  const times: number[] = [];
  let hits = 0;
  for (const { q, lang } of queries) {
    const s = performance.now();
    hits += index.search(q, { lang, limit: 25 }).length;
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ kind, docs: docs.length, buildMs: Math.round(buildMs), indexMiB, p50Ms: Math.round(percentile(times, 50) * 100) / 100, p99Ms: Math.round(percentile(times, 99) * 100) / 100, hits }));
}

export async function benchSearch(n = 50_000): Promise<Record<string, unknown>> {
  const dir = replicateCorpus(n, benchTmp(`corpus-${n}`));
  const self = fileURLToPath(import.meta.url);
  const bare = runPhase(self, ['bare', dir]);
  const ours = runPhase(self, ['ours', dir]);
  return {
    bench: 'lookup index (issue 4)',
    machine: machine(),
    notes: n,
    bareMiniSearchBuildMs: bare.buildMs,
    buildMs: ours.buildMs,
    buildRatioVsBare: Math.round((Number(ours.buildMs) / Number(bare.buildMs)) * 100) / 100,
    bareIndexHeapMiB: bare.indexMiB,
    indexHeapMiB: ours.indexMiB,
    memoryTarget: '< 500 MB',
    queryP50Ms: ours.p50Ms,
    queryP99Ms: ours.p99Ms,
    latencyTarget: 'p99 < 10 ms',
    resultsReturned: ours.hits,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  await phase(process.argv[2], process.argv[3]!);
}
