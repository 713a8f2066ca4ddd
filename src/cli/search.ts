/** `notecast search`: the lookup the chat commands use, from the command line. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, NoteError, StoreError } from '../errors.js';
import { readOptions, resolveSite } from '../config/load.js';
import { commandConfigOrSaid } from './command-config.js';
import { scanNotesSync } from '../notes/scan.js';
import { noteInfo } from '../notes/info.js';
import { NoteSearch } from '../search/index.js';
import { summaryOptionsOf } from '../summary/shape.js';
import { parseNoteFiles } from '../publish/parse-files.js';
import type { ParserOptions, ParseThreads } from '../publish/parse-pool.js';
import { Store } from '../store/store.js';
import type { NoteRow } from '../store/types.js';
import type { Io } from './io.js';

export interface SearchCliOptions {
  lang?: string;
  limit?: number;
  json?: boolean;
  dir?: string;
  db?: string;
  config?: string;
  jekyllConfig?: string;
}

/**
 * Indexes the published notes under `root` (no drafts, nothing dated in the future) in a database
 * in memory: the same index and queries the service answers chat lookups with. Notes are parsed as
 * the service parses them (parse-files.ts: worker threads, each within `notes.parseTimeoutMs`), so a
 * pathological note is that note's problem, never a search that does not end.
 */
export async function indexFolder(root: string, parse: ParserOptions, now = Date.now(), threads?: ParseThreads): Promise<{ index: NoteSearch; store: Store; problems: NoteError[] }> {
  const store = new Store(':memory:');
  const problems: NoteError[] = [];
  for (const r of await parseNoteFiles(scanNotesSync(root).map((file) => ({ root, file })), parse, threads)) {
    if (!r.ok) {
      problems.push(r.error);
      continue;
    }
    const { note } = r;
    if (note.draft || (note.date && note.date.getTime() > now)) continue;
    const info = noteInfo(note);
    const row: NoteRow = { id: note.id, file: info.file, hash: '', summaryHash: null, state: 'published', dueAt: null, revision: 0, announced: false, info, summary: null, error: null };
    store.putNote(row, r.text);
  }
  return { index: new NoteSearch(store), store, problems };
}

/**
 * The state database's own index, which `start` keeps up to date: answered from it instead of
 * reading the whole folder again. Not when `dir` names another folder than the one the database
 * follows, nor when the database cannot be opened (then the folder is read, as without one).
 */
function openStateIndex(dbFile: string, dir: string | undefined): { index: NoteSearch; store: Store } | undefined {
  if (!existsSync(dbFile)) return undefined;
  let store: Store;
  try {
    store = new Store(dbFile, { busyTimeoutMs: 2000 });
  } catch (e) {
    if (e instanceof StoreError) return undefined;
    throw e;
  }
  const followed = store.getMeta('notes.dir');
  if (dir !== undefined && (!followed || path.resolve(dir) !== path.resolve(followed))) {
    store.close();
    return undefined;
  }
  return { index: new NoteSearch(store), store };
}

/** `threads`: idle parse threads for `--dir`'s reading (ProgramContext.parseThreads); without, its own. */
export async function runSearch(query: string, opts: SearchCliOptions, io: Io, threads?: ParseThreads): Promise<number> {
  const loaded = commandConfigOrSaid(opts.config, io);
  if (!loaded) return 2;
  const { config } = loaded;
  let read;
  try {
    read = readOptions(config, resolveSite(config, opts.jekyllConfig));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(e.message);
    return 2;
  }
  if (!query.trim()) {
    io.err('search: give some words to look for');
    return 2;
  }
  const root = opts.dir ?? config.notes.dir;
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    io.err(`search: ${root}: no such notes folder`);
    return 2;
  }
  const limit = opts.limit ?? 10;
  const dbFile = opts.db ?? config.store.path;
  const fromDb = opts.jekyllConfig ? undefined : openStateIndex(dbFile, opts.dir === undefined ? undefined : root);
  let source = fromDb;
  if (!source) {
    const folder = await indexFolder(root, { read, summary: summaryOptionsOf(config), budgetMs: config.notes.parseTimeoutMs }, Date.now(), threads);
    for (const p of folder.problems) io.err(`${path.join(root, p.file)}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    source = folder;
  }
  const { index, store } = source;
  const results = index.search(query, { lang: opts.lang, limit, deep: true });
  store.close();
  if (opts.json) {
    io.out(JSON.stringify({ query, results: results.map((r) => ({ id: r.id, title: r.title, lang: r.lang, url: r.url ?? null, score: r.score })) }));
  } else if (!results.length) {
    io.out(`no notes match "${query}"`);
  } else {
    results.forEach((r, i) => io.out(`${i + 1}. ${r.title} [${r.lang}]${r.url ? `  ${r.url}` : ''}  (${r.id}, score ${r.score})`));
  }
  return 0;
}
