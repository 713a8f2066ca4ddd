import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readNoteFile, parseNote } from '../../src/notes/read.js';
import { scanNotesSync } from '../../src/notes/scan.js';
import { noteInfo } from '../../src/notes/info.js';
import { NoteSearch } from '../../src/search/index.js';
import { searchText, tokenize } from '../../src/search/text.js';
import { Store } from '../../src/store/store.js';
import type { NoteRow } from '../../src/store/types.js';
import { bodyText } from '../../src/summary/body.js';
import type { ParsedNote } from '../../src/notes/read.js';
import { CORPUS_NOTES, corpusReadOptions, manifest } from '../helpers/corpus.js';
import { cliIn, jsonLines } from '../helpers/cli.js';

const read = corpusReadOptions();
/** A note's record and its lookup words, written the way the publisher writes them (one putNote). */
function put(store: Store, { note, tokens }: ParsedNote, state: NoteRow['state'] = 'published'): void {
  const info = noteInfo(note);
  store.putNote({ id: note.id, file: info.file, hash: note.id, summaryHash: null, state, dueAt: null, revision: 0, announced: false, info, summary: null, error: null }, searchText(note, bodyText(tokens)));
}
const store = new Store(':memory:');
const index = new NoteSearch(store);
const notes: { id: string; title: string; lang: string; locale: string }[] = [];

beforeAll(async () => {
  for (const file of scanNotesSync(CORPUS_NOTES)) {
    const parsed = await readNoteFile(CORPUS_NOTES, file, read);
    const { note } = parsed;
    put(store, parsed);
    notes.push({ id: note.id, title: note.title, lang: note.lang, locale: note.locale });
  }
});

const top3 = (q: string, lang: string) => index.search(q, { lang, limit: 3 });
const found = (results: ReturnType<typeof top3>, id: string) => results.some((r) => r.members.includes(id));

describe('search over the corpus', () => {
  it('indexes every note', () => {
    expect(index.size).toBe(notes.length);
    expect(notes.length).toBe(manifest().length);
  });

  it('finds each note in the top 3 by its exact title, shown in the asker’s language', () => {
    for (const n of notes) {
      const r = top3(n.title, n.lang);
      expect(found(r, n.id), `${n.id} by "${n.title}"`).toBe(true);
      const hit = r.find((x) => x.members.includes(n.id))!;
      expect(hit.lang, `${n.id} shown in ${n.lang}`).toBe(n.lang);
    }
  });

  it('finds each note in the top 3 by the first two words of its title, typed as a prefix', () => {
    for (const n of notes) {
      const words = tokenize(n.title, n.locale).slice(0, 2);
      // The second word half typed, as in an autocomplete box.
      const last = words[1] ?? '';
      const q = words.length > 1 ? `${words[0]} ${last.slice(0, Math.max(1, Math.ceil(last.length * 0.6)))}` : words[0]!;
      expect(found(top3(q, n.lang), n.id), `${n.id} by "${q}"`).toBe(true);
    }
  });

  it('groups translations and answers in the asker’s language', () => {
    const en = index.search('Llama 4 hype', { lang: 'en' });
    expect(en).toHaveLength(1);
    expect(en[0]!.members.length).toBeGreaterThanOrEqual(9);
    expect(index.search('Llama 4 hype', { lang: 'hi' })[0]!.id).toBe('_posts/hi/2025-10-05-llama-4-hype-reality-hi');
    expect(index.search('Llama 4 hype', { lang: 'ja' })[0]!.lang).toBe('ja');
    // A language with no version falls back to the original.
    expect(index.search('lemon tea', { lang: 'ja' })[0]!.lang).toBe('en');
    // A query in Hindi script finds the family and shows the Hindi note.
    expect(index.search('लामा')[0]!.lang).toBe('hi');
    expect(index.search('向量空间')[0]!.id).toBe('notes/2025-01-16-linear-algebra-zh');
  });

  it('tolerates typos in longer words', () => {
    expect(index.search('karnaugh mpas', { lang: 'en' })[0]!.id).toBe('notes/2025-10-18-boolean-algebra-karnaugh-en');
    expect(index.search('idempotnet', { lang: 'en' })[0]!.title).toMatch(/Idempotent/);
  });

  it('lists the latest notes, one per family, optionally in one language', () => {
    const latest = index.latest(3);
    // The two newest families are both dated 2025-11-08.
    expect(latest.slice(0, 2).map((l) => l.members[0]!.replace(/^.*\d{4}-\d\d-\d\d-/, '').replace(/-[a-z]+$/, '')).sort()).toEqual(['love-hate-fear-drive', 'resume-zsh-jobs']);
    expect(new Set(latest.map((l) => l.members.join())).size).toBe(3);
    const fr = index.latest(5, 'fr');
    expect(fr.length).toBeGreaterThan(0);
    expect(fr.every((l) => l.lang === 'fr')).toBe(true);
  });
});

describe('keeping the index current', () => {
  const opts = { ...read, site: { ...read.site, url: '' } };
  const parse = (rel: string, text: string) => parseNote(rel, Buffer.from(text), opts);

  it('a four-letter word with two neighbouring letters swapped finds the word, as saved searches do', () => {
    const db = new Store(':memory:');
    const s = new NoteSearch(db);
    put(db, parse('rust-en.md', '---\ntitle: Rust ownership\n---\nBorrowing rules.'));
    put(db, parse('dust-en.md', '---\ntitle: Dust storms\n---\nWeather.'));
    expect(s.search('rsut').map((r) => r.id)).toEqual(['rust-en']);
    expect(s.search('rusk')).toEqual([]); // another edit of so short a word is another word, not a typo
  });

  it('removes a note and finds an edited title by its new words, without a rebuild', () => {
    const db = new Store(':memory:');
    const s = new NoteSearch(db);
    put(db, parse('a-en.md', '---\ntitle: Quokka habits\n---\nSmall marsupials.'));
    put(db, parse('b-en.md', '---\ntitle: Wombat burrows\n---\nDigging.'));
    expect(s.search('quokka')[0]!.id).toBe('a-en');
    put(db, parse('a-en.md', '---\ntitle: Platypus venom\n---\nSmall mammals.'));
    expect(s.search('quokka')).toEqual([]);
    expect(s.search('platy')[0]!.id).toBe('a-en');
    put(db, parse('b-en.md', '---\ntitle: Wombat burrows\n---\nDigging.'), 'deleted');
    expect(s.search('wombat')).toEqual([]);
    expect(s.size).toBe(1);
  });

  it('a submitted lookup shows a title match before notes that only mention the words, even in the asker’s language', () => {
    const db = new Store(':memory:');
    const s = new NoteSearch(db);
    for (let i = 0; i < 10; i++) put(db, parse(`filler-${i}-en.md`, `---\ntitle: Filler ${i}\n---\nNothing to see ${i}.`));
    put(db, parse('mention-ja.md', '---\ntitle: 観察メモ\nlang: ja\n---\nquokka habits の記録。'));
    put(db, parse('titled-en.md', '---\ntitle: Quokka habits\n---\nSmall marsupials of Rottnest.'));
    expect(s.search('quokka habits', { deep: true, lang: 'ja' }).map((r) => r.id)).toEqual(['titled-en', 'mention-ja']);
  });

  it('finds words of every script written without spaces in a note’s text, Khmer and Lao as Chinese', () => {
    const db = new Store(':memory:');
    const s = new NoteSearch(db);
    put(db, parse('km-en.md', '---\ntitle: Field notes\n---\nភាសាខ្មែរ is written without spaces.'));
    put(db, parse('lo-en.md', '---\ntitle: More notes\n---\nພາສາລາວ too.'));
    expect(s.search('ភាសា', { deep: true })[0]?.id).toBe('km-en');
    expect(s.search('ພາສາ', { deep: true })[0]?.id).toBe('lo-en');
  });

  it('takes any typed text as words, never as FTS5 syntax', () => {
    const db = new Store(':memory:');
    const s = new NoteSearch(db);
    put(db, parse('quote-en.md', '---\ntitle: \'Say "AND" OR NEAR(x) *now*\'\n---\nBody.'));
    for (const q of ['"', 'NEAR(', ') OR (', '*', '^', 'AND', 'title:', '\u0301', '{title}: x', '"unterminated']) {
      expect(() => s.search(q, { deep: true }), q).not.toThrow();
    }
    expect(s.search('say "and" or near', { lang: 'en' })[0]?.id).toBe('quote-en');
  });

  it('finds a Chinese or Japanese title by characters typed across or inside its words', () => {
    const db = new Store(':memory:');
    const s = new NoteSearch(db);
    put(db, parse('m-ja.md', '---\ntitle: モデルファイル名におけるUDの意味\nlang: ja\n---\n本文。'));
    put(db, parse('v-zh.md', '---\ntitle: 向量空间与线性变换\nlang: zh\n---\n正文。'));
    for (const q of ['モデルフ', 'ファイル名', 'デルファ', 'ファイル名にお']) expect(s.search(q)[0]?.id, q).toBe('m-ja');
    for (const q of ['向量空', '空间与线', '线性']) expect(s.search(q)[0]?.id, q).toBe('v-zh');
  });

  it('finds katakana words with the long-vowel mark ー, and any few characters of them, in titles and in the text alone (issue 29)', () => {
    const db = new Store(':memory:');
    const s = new NoteSearch(db);
    put(db, parse('db-ja.md', '---\ntitle: データベースの索引\nlang: ja\n---\nこのノートはデータベースの索引について。\n'));
    // The word only in the text: found by the every-word index's pairs, which ー used to break (デ|タベ|ス).
    put(db, parse('memo-ja.md', '---\ntitle: 設計メモ\nlang: ja\n---\nサーバーのキャッシュとデータベースを分ける。\n'));
    for (const q of ['データベース', 'データ', 'ベース', 'ータベ']) {
      const ids = s.search(q, { deep: true }).map((r) => r.id);
      expect(ids, q).toContain('db-ja');
      expect(ids, q).toContain('memo-ja');
    }
    for (const q of ['サーバー', 'キャッシュ', 'ーバ']) expect(s.search(q).map((r) => r.id), q).toEqual(['memo-ja']);
    // Half-width katakana typed is the same word (NFKC).
    expect(s.search('ﾃﾞｰﾀﾍﾞｰｽ', { deep: true }).map((r) => r.id).sort()).toEqual(['db-ja', 'memo-ja']);
  });
});

describe('notecast search', () => {
  it('prints ranked JSON results and never finds drafts', async () => {
    // Through the CLI's program in this process: the command's output is the point, not the process.
    const r = await cliIn(['search', 'Llama 4', '--lang', 'zh', '--json', '--dir', CORPUS_NOTES, '--jekyll-config', path.join(CORPUS_NOTES, '..', 'site', 'jekyll-ai-blog', '_config.yml')]);
    expect(r.code).toBe(0);
    const [line] = jsonLines(r.stdout);
    expect(Object.keys(line!)).toEqual(['query', 'results']);
    const first = (line!.results as Record<string, unknown>[])[0]!;
    expect(Object.keys(first)).toEqual(['id', 'title', 'lang', 'url', 'score']);
    expect(first).toMatchObject({ id: '_posts/zh/2025-10-05-llama-4-hype-reality-zh', lang: 'zh', url: 'https://lzwjava.github.io/llama-4-hype-reality-zh' });
    const drafts = await cliIn(['search', 'Borradores', '--json', '--dir', 'notes']);
    expect(jsonLines(drafts.stdout)[0]!.results).toEqual([]);
  });
});
