/**
 * Any word of Chinese or Japanese text, including letters whose Unicode script is Common (ー, ｰ, 〆)
 * or a repeat mark (々, ゝ, ヽ), is found by whatever two or more of its characters a reader types:
 * by /note (the lookup index, through the store as the publisher writes it) and by saved searches.
 * The case the generated one stands for: データベース was found only by its title (issue 29).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/notes/read.js';
import { noteInfo } from '../../src/notes/info.js';
import { NoteSearch } from '../../src/search/index.js';
import { SavedSearches } from '../../src/search/saved.js';
import { searchText } from '../../src/search/text.js';
import { Store } from '../../src/store/store.js';
import { bodyText } from '../../src/summary/body.js';
import { corpusReadOptions } from '../helpers/corpus.js';

const read = corpusReadOptions();
const opts = { ...read, site: { ...read.site, url: '' } };

/** Letters a Japanese or Chinese word is made of, with the Common-script and repeat marks among them. */
const JAPANESE = [...'データベスサバキャッシュモルファイ名前索引設計々ゝゞヽヾ〆ーーｰかなをはに'];
const CHINESE = [...'向量空间线性变换模型文件名数据库索引々'];

const word = (letters: string[]) => fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 9 }).map((cs) => cs.join(''));
/** A word and a run of two or more of its characters, as a reader types part of it. */
const wordAndTyped = (letters: string[]) =>
  word(letters).chain((w) => {
    const chars = [...w];
    return fc.integer({ min: 0, max: chars.length - 2 }).chain((from) =>
      fc.integer({ min: from + 2, max: chars.length }).map((to) => ({ word: w, typed: chars.slice(from, to).join('') })),
    );
  });

function noteWith(lang: 'ja' | 'zh', word: string) {
  // The word only in the text, between sentences: the title index cannot find it.
  const body = lang === 'ja' ? `この記事は、${word}について。次の段落へ。\n` : `本文讲${word}。下一段。\n`;
  return parseNote(`w-${lang}.md`, Buffer.from(`---\ntitle: ${lang === 'ja' ? '設計メモ' : '笔记'}\nlang: ${lang}\n---\n${body}`), opts);
}

describe('any run of a CJK word, Common-script marks included, is found by /note and by saved searches (property)', () => {
  for (const [lang, letters] of [['ja', JAPANESE], ['zh', CHINESE]] as const) {
    it(`${lang}: /note (deep) and a saved search both find the note by any two or more of the word's characters`, () => {
      const saved = new SavedSearches();
      fc.assert(
        fc.property(wordAndTyped(letters), ({ word: w, typed }) => {
          const { note, tokens } = noteWith(lang, w);
          const info = noteInfo(note);
          const text = searchText(note, bodyText(tokens));
          const store = new Store(':memory:');
          try {
            store.putNote({ id: note.id, file: info.file, hash: note.id, summaryHash: null, state: 'published', dueAt: null, revision: 0, announced: false, info, summary: null, error: null }, text);
            const ids = new NoteSearch(store).search(typed, { deep: true }).map((r) => r.id);
            expect(ids, `/note ${typed} in ${w}`).toEqual([note.id]);
            expect(saved.match(text.words, lang, [typed]), `saved search ${typed} in ${w}`).toEqual([typed]);
          } finally {
            store.close();
          }
        }),
        { numRuns: 100 },
      );
    });
  }
});
