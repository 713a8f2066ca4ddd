/**
 * Issue 14: the lookup index's schema change (migration 3) upgrades a database made by the
 * previous release in place. That release's database is built here with its own migrations
 * (`migrationsUpTo(2)`) and rows written as its Store wrote them; the service then starts on it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { configSchema } from '../../src/config/schema.js';
import { parseEnv } from '../../src/config/env.js';
import { createLogger, silentLogger } from '../../src/log.js';
import { Writable } from 'node:stream';
import { until } from '../helpers/until.js';
import { noteInfo } from '../../src/notes/info.js';
import { contentHash, parseNoteText } from '../../src/notes/read.js';
import { migrationsUpTo, SCHEMA_VERSIONS } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { startBackfill } from '../../src/search/backfill.js';
import { NoteSearch } from '../../src/search/index.js';
import { buildSummary } from '../../src/summary/build.js';
import { copyCorpusNotes, corpusFamily, corpusReadOptions } from '../helpers/corpus.js';
import { workerParseThreads } from '../helpers/parse-threads.js';
import { tempFolder } from '../helpers/temp-folder.js';

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** A state database as release 0.1.0 left it: schema version 2, notes announced, a subscription, a family post. */
function previousReleaseDb(db: string, notesDir: string, files: string[]): { familyKey: string } {
  const raw = new Database(db);
  for (const m of migrationsUpTo(2)) raw.exec(m);
  raw.pragma('user_version = 2');
  const read = corpusReadOptions();
  let familyKey = '';
  const now = Date.now();
  for (const rel of files) {
    const text = readFileSync(path.join(notesDir, rel), 'utf8');
    const { note, tokens } = parseNoteText(rel, text, read);
    const info = noteInfo(note);
    familyKey = info.translationKey;
    raw
      .prepare(
        `INSERT INTO notes(id, file, hash, summary_hash, state, due_at, revision, announced, info, summary, error, updated_at)
         VALUES (?, ?, ?, NULL, 'published', NULL, 1, 1, ?, ?, NULL, ?)`,
      )
      .run(note.id, rel, contentHash(text), JSON.stringify(info), JSON.stringify(buildSummary(note, tokens)), now);
  }
  raw.prepare("INSERT INTO subscriptions(platform, chat, thread, filter, created_by, created_at, locale) VALUES ('telegram', '-100123', '', '{}', '7', ?, 'ja')").run(now);
  raw.prepare("INSERT INTO posts(note_id, platform, chat, thread, message_id, revision, via_digest) VALUES (?, 'telegram', '-100123', '', '42', 1, 0)").run(`family:${familyKey}`);
  raw.close();
  return { familyKey };
}

describe('upgrading a database from the release before the lookup index', () => {
  it('migrates in place: subscriptions and posted messages kept, nothing announced again, every note findable once indexed', async () => {
    const dir = tempFolder('notecast-migrate-');
    const notesDir = path.join(dir, 'notes');
    const files = corpusFamily('llama-4-hype-reality');
    copyCorpusNotes(notesDir, files);
    const db = path.join(dir, 'state.db');
    const { familyKey } = previousReleaseDb(db, notesDir, files);

    const printed: string[] = [];
    const config = configSchema.parse({ watch: { mode: 'native', quietMs: 100 }, publish: { translations: { mode: 'group', graceMs: 0 } } });
    app = await startApp({ config, env: parseEnv({}), read: corpusReadOptions(), notesDir, dbPath: db, log: silentLogger(), out: (l) => printed.push(l), json: true, parseThreads: workerParseThreads() });
    expect(await app.indexed).toBe(files.length);

    const store = app.store;
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSIONS);
    expect(store.subscriptions()).toMatchObject([{ target: { platform: 'telegram', chat: '-100123', thread: '' }, locale: 'ja' }]);
    expect(store.postsOf(`family:${familyKey}`)).toMatchObject([{ messageId: '42', revision: 1 }]);
    expect(store.unindexedNotes(0, 10)).toEqual([]);
    // Found by a typed prefix and in the asker's language, from the index the upgrade filled.
    const hit = app.search.search('Llama 4 hy', { lang: 'ja' });
    expect(hit[0]?.lang).toBe('ja');
    expect(hit[0]?.members).toHaveLength(files.length);
    await app.stop();
    app = undefined;
    expect(printed.filter((l) => /"event":"(post|edit|digest)"/.test(l))).toEqual([]);

    // The next start finds nothing to index: the index is never rebuilt.
    app = await startApp({ config, env: parseEnv({}), read: corpusReadOptions(), notesDir, dbPath: db, log: silentLogger(), out: (l) => printed.push(l), json: true, parseThreads: workerParseThreads() });
    expect(await app.indexed).toBe(files.length);
    expect(app.store.unindexedNotes(0, 10)).toEqual([]);
  });
});

describe('the background indexing of an upgraded database', () => {
  it('a store that fails under it stops it with a warning, not an unhandled rejection', async () => {
    const dir = tempFolder('notecast-backfill-');
    const store = new Store(path.join(dir, 'state.db'));
    store.close(); // every query now throws
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    const backfill = startBackfill(store, dir, { ...corpusReadOptions(), realRoot: dir }, createLogger({ level: 'warn', secrets: [], destination }));
    expect(await backfill.done).toBe(0);
    await until(() => lines.length > 0, 2000, 'the warning');
    expect(lines.join('')).toMatch(/indexing notes recorded before the lookup index stopped/);
  });
});

describe('the lookup index written before ー was paired (issue 29)', () => {
  it('is dropped by the migration and written again by the background indexing, so the old notes are found', async () => {
    const dir = tempFolder('notecast-reindex-');
    const text = '---\ntitle: 設計メモ\nlang: ja\n---\nサーバーとデータベースを分ける。\n';
    writeFileSync(path.join(dir, 'memo.md'), text);
    const dbFile = path.join(dir, 'state.db');
    const before = new Store(dbFile);
    const { note } = parseNoteText('memo.md', text, corpusReadOptions());
    const info = noteInfo(note);
    // The rows the previous release wrote for it: its text's runs cut at each ー.
    const old = { title: '設計 メモ', tags: '', grams: '設計メモ 計メモ メモ モ', words: '設計 計メ メモ サ ー バ ー とデ ー タベ ー スを を分 分け ける' };
    before.putNote({ id: note.id, file: 'memo.md', hash: contentHash(text), summaryHash: null, state: 'published', dueAt: null, revision: 0, announced: true, info, summary: null, error: null }, old);
    expect(new NoteSearch(before).search('データベース', { deep: true })).toEqual([]);
    // As the release before that migration left it (later migrations run again after it).
    const paired = migrationsUpTo(SCHEMA_VERSIONS).findIndex((m) => m.includes("INSERT INTO note_words(note_words) VALUES ('delete-all')"));
    before.db.pragma(`user_version = ${paired}`);
    before.close();

    const store = new Store(dbFile);
    expect(store.unindexedNotes(0, 10).map((r) => r.id)).toEqual([note.id]);
    const backfill = startBackfill(store, dir, { ...corpusReadOptions(), realRoot: dir }, silentLogger());
    expect(await backfill.done).toBe(1);
    const search = new NoteSearch(store);
    for (const q of ['データベース', 'サーバー', '設計メモ']) expect(search.search(q, { deep: true }).map((r) => r.id), q).toEqual([note.id]);
    store.close();
  });
});
