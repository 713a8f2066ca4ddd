/**
 * Issue 31: a first start over an empty store decides families from the batch's own records
 * (publish/family-reads.ts), asking the store nothing note by note. It must decide as the store's
 * answers do: the same start over a store holding one unrelated record (which takes the path that
 * asks the store, as every later start does) leaves the same records, lookup words and outbox, on
 * the corpus and on a generated tree of families spread over chunks, same-language pairs, exact
 * copies, drafts, two files of one id and a note that cannot be read.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import { scanNotesSync } from '../../src/notes/scan.js';
import { Publisher } from '../../src/publish/publisher.js';
import type { Statement } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';
import { copyCorpusNotes, corpusReadOptions, manifest } from '../helpers/corpus.js';
import { workerParseThreads } from '../helpers/parse-threads.js';
import { testReadOptions } from '../helpers/publisher.js';
import { tempFolder } from '../helpers/temp-folder.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const d = tempFolder(`notecast-${prefix}-`);
  dirs.push(d);
  return d;
}

/** A record no note of the trees is or joins: with it, the store is not empty and the batch asks the store. */
const SEED = { id: 'zz-seed', file: 'zz-seed.md', hash: 'seed', summaryHash: null, state: 'deleted' as const, dueAt: null, revision: 1, announced: false, summary: null, error: null, info: { file: 'zz-seed.md', title: 'seed', lang: 'xx', locale: 'und', tags: [], translationKey: 'zz-seed', draft: false } };

/**
 * Statements deciding a note asks of the store: a chunk's families (familiesOf), the families a written key holds
 * (familiesHolding), whether a family is held (familyHeld); and where a record lies before it is written (notePlace).
 */
const DECIDING = /translationKey'\) IN|keyAsWritten'\) =|translationKey'\) = \? AND id <> \?/;
const PLACE = /^SELECT rowid, indexed_hash FROM notes WHERE id = \?$/;

interface Started {
  notes: unknown[];
  words: string[];
  outbox: unknown[];
  /** Statements run: DECIDING's and PLACE's. */
  deciding: number;
  places: number;
}

/** A first start of `root` on a new store (seeded or not); what the store holds after it. */
async function firstStart(root: string, config: unknown, read: ReturnType<typeof testReadOptions>, seeded: boolean): Promise<Started> {
  const store = new Store(path.join(tempDir('first-start-db'), 'state.db'));
  if (seeded) store.putNote(SEED);
  let deciding = 0;
  let places = 0;
  const sql = store.sql;
  (store as { sql: (text: string) => Statement }).sql = (text) => {
    deciding += DECIDING.test(text) ? 1 : 0;
    places += PLACE.test(text) ? 1 : 0;
    return sql(text);
  };
  const publisher = new Publisher({ root, store, config: configSchema.parse(config), read, summary: DEFAULT_SUMMARY_OPTIONS, platforms: new Set(['console']), log: silentLogger(), onEnqueued: () => {}, parseThreads: workerParseThreads() });
  try {
    await publisher.processBatch({ changed: scanNotesSync(root), removed: [] }, { firstRun: true, trustStat: true });
    const notes = (sql("SELECT id, file, hash, summary_hash, state, due_at, revision, announced, info, summary, error, indexed_hash, seen FROM notes WHERE id != 'zz-seed' ORDER BY id").all() as Record<string, unknown>[]).map((r) => ({ ...r, info: JSON.parse(r.info as string) as unknown, seen: String(r.seen).split(':').slice(0, 2).join(':') }));
    // The words each note is found by, by id (rowids differ between the two stores).
    sql("CREATE VIRTUAL TABLE temp.words_of USING fts5vocab(main, 'note_words', 'instance')").run();
    const words = (sql('SELECT n.id AS id, w.term AS term, w.offset AS offset FROM temp.words_of w JOIN notes n ON n.rowid = w.doc').all() as { id: string; term: string; offset: number }[]).map((w) => `${w.id} ${w.offset} ${w.term}`).sort();
    const outbox = sql('SELECT note_id, platform, chat, kind, payload, status FROM outbox ORDER BY note_id, chat, kind, payload').all();
    return { notes, words, outbox, deciding, places };
  } finally {
    await publisher.close();
    store.close();
  }
}

/** A tree of `families` families over five languages in folders of their own (so a family's members fall in different chunks of 500), with what makes deciding them hard. */
function generatedTree(families: number): string {
  const root = tempDir('first-start-tree');
  const langs = ['en', 'ja', 'fr', 'de', 'zh'];
  const put = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  const note = (title: string, lang: string, key: string, extra = '') => `---\ntitle: ${title}\nlang: ${lang}\ntranslationKey: ${key}\n${extra}---\n\nHow ${title} works, in ${lang}: the setup, the steps and what can go wrong.\n`;
  for (let f = 0; f < families; f++) {
    const key = `2024-01-${String((f % 28) + 1).padStart(2, '0')}-post-${f}`;
    langs.forEach((lang, i) => {
      if ((f + i) % 7 === 0) return; // families with some languages missing
      const draft = (f + i) % 11 === 0 ? 'draft: true\n' : '';
      put(`${lang}/${key}.md`, note(`Post ${f} ${lang}`, lang, key, draft));
    });
    if (f % 9 === 0) put(`en-more/${key}-second.md`, note(`Post ${f} second`, 'en', key)); // a second English note of the family: on its own
    if (f % 13 === 0) put(`copies/${key}.md`, note(`Post ${f} en`, 'en', key)); // exactly the English member's content: a copy
    if (f % 17 === 0) put(`en-more/${key}-drafted.md`, note(`Post ${f} drafted`, 'en', key, 'draft: true\n')); // a draft holds no place
  }
  put('en/same-id.md', note('Same id', 'en', 'same-id'));
  put('en/same-id.markdown', note('Same id, again', 'ja', 'same-id'));
  put('en/broken.md', '---\ntitle: [unclosed\n---\n\nBody.\n');
  return root;
}

const CONFIG = { routes: [{ platform: 'console', chat: 'c1' }], publish: { translations: { graceMs: 0 } } };

describe('a first start decides from its own records as from the store', () => {
  it('the generated tree: the same records, words and outbox, with no query note by note', async () => {
    const root = generatedTree(200); // about 900 notes: two chunks
    for (const config of [CONFIG, { ...CONFIG, publish: { ...CONFIG.publish, announceExisting: true } }]) {
      const bulk = await firstStart(root, config, testReadOptions(), false);
      const asked = await firstStart(root, config, testReadOptions(), true);
      expect(bulk.notes.length).toBeGreaterThan(800);
      expect(bulk.notes).toEqual(asked.notes);
      expect(bulk.words).toEqual(asked.words);
      expect(bulk.outbox).toEqual(asked.outbox);
      // The keys the tree sets out to test were decided: notes on their own, copies, an error.
      const infos = bulk.notes as { id: string; state: string; info: { translationKey: string; copyOf?: string } }[];
      expect(infos.filter((n) => n.info.translationKey.includes('#')).length).toBeGreaterThan(15);
      expect(infos.some((n) => n.state === 'error')).toBe(true);
      expect(infos.filter((n) => n.state === 'draft').length).toBeGreaterThan(40);
      // Asked of the store: families by chunk and by note, and each record's place; from the batch's own records: none,
      // but the place of the second file of one id and of the unreadable note's record (written apart from the rest).
      expect(asked.deciding).toBeGreaterThan(150);
      expect(asked.places).toBeGreaterThan(800);
      expect(bulk.deciding).toBe(0);
      expect(bulk.places).toBeLessThanOrEqual(2);
    }
  }, 300_000);

  it('the corpus: the same records and words', async () => {
    const root = tempDir('first-start-corpus');
    copyCorpusNotes(root, manifest().map((r) => r.path));
    const bulk = await firstStart(root, CONFIG, corpusReadOptions(), false);
    const asked = await firstStart(root, CONFIG, corpusReadOptions(), true);
    expect(bulk.notes.length).toBe(manifest().length);
    expect(bulk.notes).toEqual(asked.notes);
    expect(bulk.words).toEqual(asked.words);
    expect(bulk.deciding).toBe(0);
    expect(asked.deciding).toBeGreaterThan(0);
  }, 60_000);
});
