/**
 * Issue 25, finding 6(e): reading time counted every run of non-space characters, so 5,000 nested
 * `> ` before one "x" read "23 min". It counts words: runs with a letter or digit, not markup.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary, summaryFooter } from '../../src/summary/build.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

/** The summary's reading time for `body`; only the body's text counts (the tokens give points and links). */
function minutes(body: string): number {
  const { note } = parseNote('note.md', Buffer.from('---\ntitle: A note\n---\nshort\n'), opts);
  return buildSummary({ ...note, body }, []).readingMinutes;
}

describe('reading time', () => {
  it('5,000 nested quote marks and one word read in a minute, not 23', () => {
    const body = `${'> '.repeat(5000)}x\n`;
    expect(minutes(body)).toBe(1);
    expect(summaryFooter({ lang: 'en', locale: 'en', tags: [], readingMinutes: minutes(body) })).toBe('English · 1 min');
  });

  it('markup alone is no word: list marks, rules, table pipes, emphasis runs', () => {
    expect(minutes(`${'- * + # | --- *** ___ ``` '.repeat(2000)}\n`)).toBe(1);
  });

  it('words still count, whatever marks they carry, and CJK by characters', () => {
    expect(minutes('**word** '.repeat(2200))).toBe(10); // 2,200 words at 220 a minute
    expect(minutes(`> ${'word '.repeat(1100)}\n`.repeat(2))).toBe(10);
    expect(minutes('日本語'.repeat(1467))).toBe(10); // 4,401 characters, about two a word
    expect(minutes('café naïve 2026 '.repeat(733))).toBe(10);
  });
});
