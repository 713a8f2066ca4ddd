/** Saved searches: typed as text, matched against a note's index words as /note matches them. */
import { describe, expect, it } from 'vitest';
import { SavedSearches, savedSearchText } from '../../src/search/saved.js';
import { searchText } from '../../src/search/text.js';
import { parseTextArgs } from '../../src/commands/args.js';
import { filterFromOptions } from '../../src/commands/filter-args.js';
import { subscribeCommand } from '../../src/commands/subscribe.js';
import { describeFilter, matchesFilter } from '../../src/notes/filter.js';
import type { NoteInfo } from '../../src/store/types.js';

const words = (title: string, body: string, locale = 'en') => searchText({ title, tags: [], locale }, body).words;

describe('saved searches', () => {
  const s = new SavedSearches();
  const rust = words('Async Rust in practice', 'Tokio runs futures; async functions return them.');
  const zh = words('模型文件名中的UD含义', '这篇笔记解释量化模型文件名。', 'zh');

  it('finds katakana words with the long-vowel mark ー, as /note does (issue 29)', () => {
    const ja = words('データベースの索引', 'サーバーのキャッシュとデータベースを分ける。', 'ja');
    expect(s.match(ja, 'ja', ['データベース', 'ベース', 'サーバー キャッシュ', 'ータ'])).toEqual(['データベース', 'ベース', 'サーバー キャッシュ', 'ータ']);
    expect(s.match(ja, 'ja', ['データベーク', 'ユーザー'])).toEqual([]);
  });

  it('needs every word, each the start of a word of the note, in any order', () => {
    expect(s.match(rust, 'en', ['rust async', 'async rust', 'tok fut', 'RUST'])).toEqual(['rust async', 'async rust', 'tok fut', 'RUST']);
    expect(s.match(rust, 'en', ['rust python', 'ust', 'golang'])).toEqual([]);
  });

  it('tolerates a typo as /note does: a swap in a four-letter word, an edit in a longer one, never a different short word', () => {
    expect(s.match(rust, 'en', ['rsut async', 'rust asnyc', 'tokio rnus', 'practcie'])).toEqual(['rsut async', 'rust asnyc', 'tokio rnus', 'practcie']);
    // `rusk`, `bust` are other words (an edit, not a swap, of a four-letter word); `rs` too short; two edits in a short word.
    expect(s.match(rust, 'en', ['rusk async', 'bust', 'rs', 'asxnk', 'rust pyhton'])).toEqual([]);
    const runtime = words('Runtimes', 'A long description of asynchronous executors.');
    expect(s.match(runtime, 'en', ['asynchronuos', 'exceutors', 'asynchronous rsut'])).toEqual(['asynchronuos', 'exceutors']);
  });

  it('what it keeps between notes follows the searches: a new collection is compiled again, a new typed word is looked for in words seen before', () => {
    const fresh = new SavedSearches();
    const before = new Set(['golang']);
    expect(fresh.match(rust, 'en', before)).toEqual([]); // every word of the note looked up once: no typo of `golang`
    const after = new Set(['golang', 'rsut']);
    expect(fresh.match(rust, 'en', after)).toEqual(['rsut']); // `rust` seen before, now a typo of a new search
    expect(fresh.match(rust, 'en', before)).toEqual([]); // the first collection, still as it was
    expect(fresh.match(rust, 'en', new Set(['tokio futures']))).toEqual(['tokio futures']);
  });

  it('finds Chinese by character pairs, as /note does', () => {
    expect(s.match(zh, 'zh', ['模型文件', '量化'])).toEqual(['模型文件', '量化']);
    expect(s.match(zh, 'zh', ['模糊'])).toEqual([]);
  });

  it('reads FTS5 syntax and regular expressions as plain words', () => {
    // `OR` and `NEAR` are words the note lacks; `(a+)+$` is the whole word `a` (not the start of "async"), run as no pattern.
    expect(s.match(rust, 'en', ['rust OR python', 'NEAR(rust async)', '(a+)+$', '"rust"*'])).toEqual(['"rust"*']);
    expect(s.match(rust, 'en', ['*', '""', '   '])).toEqual([]); // no words: matches nothing
  });

  it('is typed on Telegram as words:"…" (straight or curly quotes) and shown by /subscriptions', () => {
    const filterOf = (text: string) => {
      const r = filterFromOptions(parseTextArgs(subscribeCommand.definition, text));
      if ('error' in r) throw new Error(r.error);
      return r.filter;
    };
    const f = filterOf('tag:ai words:"rust   async" lang:en');
    expect(f).toEqual({ tags: ['ai'], lang: ['en'], words: 'rust async' });
    expect(filterOf('words:“tokio runtime”').words).toBe('tokio runtime');
    expect(filterOf('words:rust').words).toBe('rust');
    expect(describeFilter(f)).toBe('words:"rust async" tag:ai lang:en');
    expect(savedSearchText(` ${'x'.repeat(300)} `)).toHaveLength(200);
  });

  it('a filter with words passes only notes whose saved match names it', () => {
    const info = { file: 'a.md', title: 'A', lang: 'en', locale: 'en', tags: [], translationKey: 'a', draft: false } as NoteInfo;
    expect(matchesFilter({ words: 'rust async' }, info)).toBe(false);
    expect(matchesFilter({ words: 'rust async' }, { ...info, searches: ['rust async'] })).toBe(true);
    expect(matchesFilter({ words: 'rust async', lang: ['zh'] }, { ...info, searches: ['rust async'] })).toBe(false);
  });
});
