/**
 * The every-word index's words from one pass over the characters (issue 31) against the regular
 * expressions they replaced: the FTS5 rows a cold start writes, and the pairs a query is split into
 * (query.ts), must stay the same words, in every script, or a note indexed before stops being found.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNoteText, toRelPath } from '../../src/notes/read.js';
import { scanNotesSync } from '../../src/notes/scan.js';
import { bodyText } from '../../src/summary/body.js';
import { pairTokens, searchText } from '../../src/search/text.js';
import { SPACELESS_SCRIPTS } from '../../src/util/text.js';
import { normalizeTerm, WORD } from '../../src/util/words.js';
import { CORPUS_NOTES, corpusReadOptions } from '../helpers/corpus.js';

/** pairTokens as it was: RUN, WORD and SPACELESS_OR_OTHER matched over the normalised text. */
const SPACELESS_CHARS = `${SPACELESS_SCRIPTS}\\u3006\\u3031-\\u3035\\u303C\\u3099\\u309A\\u30FC\\uFF70\\uFF9E\\uFF9F`;
const SPACELESS = new RegExp(`[${SPACELESS_CHARS}]`, 'u');
const RUN = /[\p{L}\p{N}\p{M}]+/gu;
const SPACELESS_OR_OTHER = new RegExp(`[${SPACELESS_CHARS}]+|[^${SPACELESS_CHARS}]+`, 'gu');
function referencePairTokens(text: string): string[] {
  const norm = normalizeTerm(text);
  if (!SPACELESS.test(norm)) return norm.match(WORD) ?? [];
  const out: string[] = [];
  for (const run of norm.match(RUN) ?? []) {
    if (!SPACELESS.test(run)) {
      out.push(...(run.match(WORD) ?? []));
      continue;
    }
    for (const part of run.match(SPACELESS_OR_OTHER) ?? []) {
      if (!SPACELESS.test(part)) out.push(part);
      else {
        const chars = [...part];
        if (chars.length === 1) out.push(chars[0]!);
        for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
      }
    }
  }
  return out;
}

/** Text mixing what the index tells apart: scripts with and without spaces, apostrophes, marks, astral letters, lone surrogates, spaceless symbols (฿, ⺀). */
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom("don't", 'l’école', "x'9", "a'", "'b", 'Ünïcödé', 'İstanbul', 'e\u0301', '日本語の文章', 'データベース', 'ｰﾞ', '向量空间', '〆切', 'ภาษาไทย', '฿', '⺀', '한국어', '𝐀𝐁𝟏', '𠀀𠀁', '\ud800', '\udc00x', '١٢٣', 'ΣΑΣ', ' ', '\n', '-', '.', 'a1', '_', 'GPU版本', 'v1.2'),
);
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

describe('every-word index words (search/text.ts pairTokens)', () => {
  it('are the words the regular expressions gave, in any script', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(pairTokens(t)).toEqual(referencePairTokens(t));
        expect(searchText({ title: '', tags: [], locale: 'en' }, t).words).toBe(referencePairTokens(`\n\n${t}`).join(' '));
      }),
      { numRuns: 3000 },
    );
  });

  it('are the words the regular expressions gave for every corpus note', () => {
    const read = corpusReadOptions();
    const files = scanNotesSync(CORPUS_NOTES);
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const { note, tokens } = parseNoteText(toRelPath(CORPUS_NOTES, file), readFileSync(file, 'utf8'), read);
      const body = bodyText(tokens);
      expect(searchText(note, body).words, file).toBe(referencePairTokens(`${note.title}\n${note.tags.join(' ')}\n${body}`).join(' '));
    }
  });
});
