/**
 * Where a cold start's time goes (issue 31): each stage of the service's work on a sample of the
 * tree's notes, alone, on one thread, with the service's own functions: read + hash, front matter
 * (gray-matter, YAML, the schema), the Jekyll pass, marked's lexer, the rest of reading a note,
 * the summary (not run at a cold start: a first run defers it), the lookup words, the body's sketch
 * (rename-match.ts), the three renderers (nor these: a first run announces nothing), the copy of
 * each note's result from its parse thread to the main thread (serialised there, read here), and the
 * store's writes: note rows, then rows with their FTS5 words, in transactions of 500 as the service
 * commits them; and a parse thread's start-up (its modules loaded), once per thread the service
 * starts. `node startup-parts.js <dir> <sample>` prints per-note µs of CPU (the sample is run
 * once untimed first, so the code is warm as in a cold start of a big tree) and, scaled to the
 * tree, seconds on the main thread and on the parse threads.
 */
import { mkdirSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import matter from 'gray-matter';
import { Lexer } from 'marked';
import { configSchema } from '../src/config/schema.js';
import { frontMatterSchema } from '../src/notes/frontmatter.js';
import { renderJekyllSource } from '../src/notes/jekyll.js';
import { DEFAULT_FILE_LANGS } from '../src/notes/lang.js';
import { parseFrontMatterYaml, parseNoteText, readNoteTextSync, toRelPath, type ReadOptions } from '../src/notes/read.js';
import { scanNotesSync } from '../src/notes/scan.js';
import { bodySketch } from '../src/notes/body-sketch.js';
import { decideNote, type Policy } from '../src/publish/decide.js';
import { parserThreads, READY } from '../src/publish/parse-pool.js';
import { threadCpuMs } from '../src/publish/thread-cpu.js';
import { renderAll } from '../src/render/index.js';
import { bodyText } from '../src/summary/body.js';
import { buildSummary, DEFAULT_SUMMARY_OPTIONS } from '../src/summary/build.js';
import { searchText } from '../src/search/text.js';
import { Store } from '../src/store/store.js';
import type { NoteRow, SearchText } from '../src/store/types.js';
import { benchTmp } from './lib.js';

type Stage = 'readHash' | 'frontMatter' | 'jekyll' | 'lex' | 'restOfRead' | 'summary' | 'lookupWords' | 'bodySketch' | 'copyOut' | 'copyIn' | 'renderers' | 'storeRows' | 'storeFts';

/** This process's CPU time in ms: on a shared machine a stage's wall time is mostly how long others kept it off a core. */
function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

function timed<T>(acc: Map<Stage, number>, stage: Stage, fn: () => T): T {
  const t = cpuMs();
  const r = fn();
  acc.set(stage, (acc.get(stage) ?? 0) + cpuMs() - t);
  return r;
}

export function measureParts(dir: string, sample: number): Record<string, unknown> {
  const all = scanNotesSync(dir);
  const step = Math.max(1, Math.floor(all.length / sample));
  const files = all.filter((_, i) => i % step === 0).slice(0, sample);
  const config = configSchema.parse({});
  const read: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: config.site };
  // A first, untimed pass: a cold start's tens of thousands of notes run on optimised code, which a
  // sample of a few thousand measured from cold would not (its first hundreds run interpreted).
  noteStages(dir, files, read, new Map());
  const acc = new Map<Stage, number>();
  const decided = noteStages(dir, files, read, acc);
  acc.set('restOfRead', Math.max(0, acc.get('restOfRead')! - acc.get('frontMatter')! - acc.get('jekyll')! - acc.get('lex')!));
  for (const [stage, withWords] of [['storeRows', false], ['storeFts', true]] as const) {
    const db = path.join(benchTmp('startup-parts'), `${stage}.db`);
    rmSync(path.dirname(db), { recursive: true, force: true });
    mkdirSync(path.dirname(db), { recursive: true });
    const store = new Store(db);
    timed(acc, stage, () => {
      for (let i = 0; i < decided.length; i += 500) store.transaction(() => decided.slice(i, i + 500).forEach((d) => store.putNote(d.row, withWords ? d.words : undefined)));
    });
    store.close();
  }
  acc.set('storeFts', Math.max(0, acc.get('storeFts')! - acc.get('storeRows')!));
  const perNoteUs = Object.fromEntries([...acc].map(([k, v]) => [k, Math.round((v / files.length) * 1000)]));
  const threads = parserThreads();
  const scale = (stages: Stage[], div = 1) => Math.round((stages.reduce((s, k) => s + (acc.get(k) ?? 0), 0) / files.length) * all.length / div / 100) / 10;
  return {
    sample: files.length,
    timing: 'CPU time of each stage, after an untimed warm-up pass over the same sample',
    perNoteCpuUs: perNoteUs,
    projectedSecondsAt: all.length,
    mainThreadS: { copyIn: scale(['copyIn']), storeRows: scale(['storeRows']), storeFts: scale(['storeFts']) },
    // A file the store has no record of (every note of a cold start) is read and hashed on its parse thread (batch-read.ts).
    parseThreadsS: { threads, readHash: scale(['readHash'], threads), frontMatter: scale(['frontMatter'], threads), jekyll: scale(['jekyll'], threads), lex: scale(['lex'], threads), restOfRead: scale(['restOfRead'], threads), lookupWords: scale(['lookupWords'], threads), bodySketch: scale(['bodySketch'], threads), copyOut: scale(['copyOut'], threads) },
    // A first run defers every summary (but a note dated later, which a timer releases) to when it is first shown (parse-pool.ts deferSummary), and announces nothing.
    notAtColdStartS: { summary: scale(['summary']), renderers: scale(['renderers']) },
  };
}

/** Each note of `files` through the stages a cold start runs, timed into `acc`; the decided rows, for the store's stages. */
function noteStages(dir: string, files: string[], read: ReadOptions, acc: Map<Stage, number>): { row: NoteRow; words: SearchText }[] {
  const decided: { row: NoteRow; words: SearchText }[] = [];
  const policy: Policy = { onChange: 'edit', onDelete: 'keep', firstRun: true, announceExisting: false };
  // Resolved once, as the service's batch reader does (batch-read.ts), not twice per note.
  const realRoot = realpathSync.native(dir);
  const realDirs = new Map<string, string>();
  for (const file of files) {
    const rel = toRelPath(dir, file);
    const { text, hash } = timed(acc, 'readHash', () => readNoteTextSync(dir, file, rel, read.maxBytes, realRoot, realDirs));
    const fm = timed(acc, 'frontMatter', () => {
      const m = matter(text, { language: 'yaml', engines: { yaml: parseFrontMatterYaml } });
      frontMatterSchema.safeParse(m.data);
      return m;
    });
    const jekyll = timed(acc, 'jekyll', () => renderJekyllSource(fm.content, read.site, { title: String(fm.data.title ?? rel) }));
    timed(acc, 'lex', () => new Lexer({ gfm: true }).lex(jekyll));
    // parseNoteText does all three again and the rest (URL, language, dates): its time less theirs.
    const parsed = timed(acc, 'restOfRead', () => parseNoteText(rel, text, read));
    const summary = timed(acc, 'summary', () => buildSummary(parsed.note, parsed.tokens, DEFAULT_SUMMARY_OPTIONS));
    const words = timed(acc, 'lookupWords', () => searchText(parsed.note, bodyText(parsed.tokens)));
    const body = timed(acc, 'bodySketch', () => bodySketch(parsed.note.body));
    timed(acc, 'renderers', () => renderAll(summary));
    // The result as the parse thread posts it (parse-worker.ts, its body left out), copied as postMessage copies it: V8's serializer there, its deserializer here.
    const message = { ok: true, rel, note: { ...parsed.note, hash, body: '' }, summary: null, text: words, body };
    const copy = timed(acc, 'copyOut', () => serialize(message));
    timed(acc, 'copyIn', () => deserialize(copy));
    decided.push({ ...decideNote(undefined, { ...parsed.note, hash }, summary, Date.now(), policy, body), words });
  }
  return decided;
}

/**
 * CPU ms of one parse thread's start-up (the service's own worker, parse-worker.ts, until it says it
 * is ready: its modules loaded), read from its own stat file as it reports it (thread-cpu.ts); the
 * service starts one per parse thread at a cold start. Undefined where a thread's CPU cannot be read.
 */
async function threadStartCpuMs(read: ReadOptions): Promise<number | undefined> {
  const w = new Worker(fileURLToPath(new URL('../src/publish/parse-worker.js', import.meta.url)), { workerData: { read, summary: DEFAULT_SUMMARY_OPTIONS } });
  try {
    return await new Promise<number | undefined>((resolve, reject) => {
      let stat: string | undefined;
      w.once('error', reject);
      w.on('message', (m: unknown) => {
        if (m === READY) resolve(stat === undefined ? undefined : threadCpuMs(stat));
        else if (typeof m === 'object' && m !== null && 'cpuStat' in m && typeof m.cpuStat === 'string') stat = m.cpuStat;
      });
    });
  } finally {
    await w.terminate();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  const parts = measureParts(process.argv[2], Number(process.argv[3] ?? 2000));
  const read: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: configSchema.parse({}).site };
  // One after the other, as many as the service starts: each alone on a core as far as the machine lets it.
  const starts: (number | undefined)[] = [];
  for (let i = 0; i < parserThreads(); i++) starts.push(await threadStartCpuMs(read));
  console.log(JSON.stringify({ ...parts, parseThreadStartCpuMs: starts }));
}
