/**
 * What the lookup index's schema costs a cold start (issue 31): a tree's notes read and decided
 * with the service's own functions, then written as a first start writes them (`Store.putNote` in
 * transactions of 500, FTS5's merges deferred to the end) into a fresh database per schema variant,
 * the variants alternated round by round in one process; CPU µs a note and the database's size.
 * The variants are measured, not shipped: each changes what a lookup finds or how it ranks
 * (`detail = column` loses a word's count in a note, which bm25 ranks by; without `contentless_delete`
 * a contentless row cannot be deleted; without prefix indexes a title prefix is merged from every
 * term it starts, at every keystroke). `noWordsIndex` and `noFts` bound what any FTS5 setting can save.
 * `node dist/bench/fts-variants.js <tree> [notes] [rounds] [variant,...]`
 */
import { mkdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSchema } from '../src/config/schema.js';
import { DEFAULT_FILE_LANGS } from '../src/notes/lang.js';
import type { ReadOptions } from '../src/notes/read.js';
import { scanNotesSync } from '../src/notes/scan.js';
import { decideNote, type Policy } from '../src/publish/decide.js';
import { finishJob, parseJobNote, readOnThread } from '../src/publish/parse-note.js';
import { DEFAULT_SUMMARY_OPTIONS } from '../src/summary/build.js';
import { Store } from '../src/store/store.js';
import type { NoteRow, SearchText } from '../src/store/types.js';
import { benchTmp } from './lib.js';

const WORDS = `tokenize = 'unicode61 remove_diacritics 2'`;
/** Statements run on a fresh store before the writes: each replaces one table of the shipped schema (store/db.ts). */
const VARIANTS: Record<string, string[]> = {
  shipped: [],
  wordsDetailColumn: ['DROP TABLE note_words', `CREATE VIRTUAL TABLE note_words USING fts5(words, content = '', contentless_delete = 1, detail = column, ${WORDS})`],
  wordsNoContentlessDelete: ['DROP TABLE note_words', `CREATE VIRTUAL TABLE note_words USING fts5(words, content = '', ${WORDS})`],
  titlesNoPrefixIndexes: ['DROP TABLE note_title_terms', 'DROP TABLE note_titles', `CREATE VIRTUAL TABLE note_titles USING fts5(title, tags, grams, content = '', contentless_delete = 1, ${WORDS})`],
  noWordsIndex: ['DROP TABLE note_words', 'CREATE TABLE note_words(words)'],
  noFts: ['DROP TABLE note_words', 'CREATE TABLE note_words(words)', 'DROP TABLE note_title_terms', 'DROP TABLE note_titles', 'CREATE TABLE note_titles(title, tags, grams)'],
};

/** A tree's notes as a first start records them: each note's row and its lookup words (summaries deferred, as there). */
function decidedNotes(dir: string, limit: number): { row: NoteRow; words: SearchText }[] {
  const read: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: configSchema.parse({}).site };
  const policy: Policy = { onChange: 'edit', onDelete: 'keep', firstRun: true, announceExisting: false };
  const realRoot = realpathSync.native(dir);
  const files = scanNotesSync(dir).slice(0, limit);
  const out: { row: NoteRow; words: SearchText }[] = [];
  const noSummary = () => {
    throw new Error('a first start makes no summary');
  };
  for (let i = 0; i < files.length; i += 64) {
    const jobs = files.slice(i, i + 64).map((p) => ({ rel: path.relative(dir, p), path: p, realRoot, deferSummary: { now: Date.now() } }));
    for (const job of readOnThread(jobs, read.maxBytes).ready) {
      const parsed = 'ok' in job ? job : parseJobNote(job, read);
      const r = 'ok' in parsed ? parsed : finishJob(parsed, DEFAULT_SUMMARY_OPTIONS, noSummary);
      if (r.ok) out.push({ ...decideNote(undefined, r.note, null, Date.now(), policy, r.body), words: r.text });
    }
  }
  return out;
}

function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** One variant's writes into a fresh database: CPU ms and the database's size (MiB, after the final checkpoint). */
function writeAll(variant: string, notes: { row: NoteRow; words: SearchText }[], work: string): { ms: number; mib: number } {
  const db = path.join(work, `${variant}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  const store = new Store(db);
  for (const sql of VARIANTS[variant]!) store.db.exec(sql);
  const fts = !variant.startsWith('no'); // the plain tables stand-ins have no FTS5 merges to defer
  const t = cpuMs();
  const merges = fts ? store.indexMerges.defer() : undefined;
  for (let i = 0; i < notes.length; i += 500) store.transaction(() => notes.slice(i, i + 500).forEach((d) => store.putNote(d.row, d.words, undefined, null)));
  merges?.end();
  const ms = cpuMs() - t;
  store.close();
  return { ms, mib: Math.round((statSync(db).size / 2 ** 20) * 10) / 10 };
}

export function measureFtsVariants(dir: string, limit: number, rounds: number, variants: string[]): Record<string, unknown> {
  const unknown = variants.filter((v) => !VARIANTS[v]);
  if (unknown.length) throw new Error(`unknown variants ${unknown.join(', ')}; known: ${Object.keys(VARIANTS).join(', ')}`);
  const notes = decidedNotes(dir, limit);
  const work = benchTmp('fts-variants');
  mkdirSync(work, { recursive: true });
  const us: Record<string, number[]> = Object.fromEntries(variants.map((v) => [v, []]));
  const mib: Record<string, number> = {};
  writeAll(variants[0]!, notes, work); // untimed: the first pass runs cold code
  for (let r = 0; r < rounds; r++) {
    for (const v of r % 2 ? [...variants].reverse() : variants) {
      const got = writeAll(v, notes, work);
      us[v]!.push(Math.round((got.ms * 1000) / notes.length));
      mib[v] = got.mib;
    }
  }
  rmSync(work, { recursive: true, force: true });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const shipped = us.shipped ? median(us.shipped) : undefined;
  return {
    bench: 'lookup index schema variants, store writes of a first start (issue 31)',
    notes: notes.length,
    timing: 'CPU µs a note per round, variants alternated; median against the shipped schema',
    cpuUsPerNote: us,
    vsShipped: shipped === undefined ? undefined : Object.fromEntries(variants.map((v) => [v, Math.round((median(us[v]!) / shipped) * 100) / 100])),
    databaseMiB: mib,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  const [dir, limit = '5000', rounds = '4', list = Object.keys(VARIANTS).join(',')] = process.argv.slice(2);
  console.log(JSON.stringify(measureFtsVariants(dir!, Number(limit), Number(rounds), list.split(',')), null, 2));
}
