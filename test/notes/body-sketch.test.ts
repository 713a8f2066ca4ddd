/**
 * The body sketch's one-pass word hashing (issue 31) against the regular expression and the Set it
 * replaced: a stored sketch is compared with sketches made by later releases (rename-match.ts), so
 * the same body must give the same sketch, bit for bit, in every script.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodySketch, wordHashes } from '../../src/notes/body-sketch.js';
import { parseNoteText, toRelPath } from '../../src/notes/read.js';
import { scanNotesSync } from '../../src/notes/scan.js';
import { CORPUS_NOTES, corpusReadOptions } from '../helpers/corpus.js';

/** The sketch as it was made before: words by regular expression, FNV-1a of each, a Set of shingles. */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const WORD = new RegExp(`[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{N}])+`, 'gu');
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
function shingleHash(a: number, b: number, c: number): number {
  let h = Math.imul(Math.imul(Math.imul(0x811c9dc5 ^ a, 0x01000193) ^ b, 0x01000193) ^ c, 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const referenceWords = (body: string) => (body.toLowerCase().match(WORD) ?? []).map(hash32);
function referenceSketch(body: string): { n: number; mins: string } {
  const words = referenceWords(body);
  const shingles = new Set<number>();
  if (words.length && words.length < 3) shingles.add(shingleHash(words[0]!, words[1] ?? 0, 0));
  for (let i = 0; i + 3 <= words.length; i++) shingles.add(shingleHash(words[i]!, words[i + 1]!, words[i + 2]!));
  const mins = Uint32Array.from(shingles).sort().subarray(0, 128);
  const bytes = Buffer.alloc(mins.length * 4);
  mins.forEach((h, i) => bytes.writeUInt32LE(h, i * 4));
  return { n: shingles.size, mins: bytes.toString('base64') };
}

/** Text mixing what the tokeniser tells apart: ASCII, Latin with marks, CJK, Hangul, astral letters and digits, lone surrogates, marks, spaces and punctuation. */
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('Ünïcödé', 'İstanbul', 'ǅemal', '日本語の文章', 'テキスト', '한국어', '向量空间', '𝐀𝐁𝟏', '𠀀𠀁', '\ud800', '\udc00x', 'é', 'e\u0301', '١٢٣', 'ΣΑΣ', ' ', '\n', '-', '.', 'a1', '_'),
);
const body = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

describe('body sketch (notes/body-sketch.ts)', () => {
  it('hashes the same words as the regular expression it replaced, in any script', () => {
    fc.assert(
      fc.property(body, (text) => {
        expect(wordHashes(text)).toEqual(referenceWords(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same sketch as before for generated bodies, short and long', () => {
    fc.assert(
      fc.property(fc.oneof(body, fc.array(body, { minLength: 20, maxLength: 60 }).map((b) => b.join(' '))), (text) => {
        expect(bodySketch(text)).toEqual(referenceSketch(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same sketch as before however bodies of different sizes and repeats follow one another', () => {
    // The distinct shingles are counted in a table reused from body to body, grown for a long one and made small again after it.
    const words = (n: number, distinct: number) => Array.from({ length: n }, (_, i) => `w${(i * 7919) % distinct}`).join(' ');
    // Each body after one holding the same words: what one body counted is never counted for the next.
    const bodies = [words(50_000, 40_000), words(10, 10), words(10, 10), words(3_000, 3), words(300, 300), words(300, 300), '', 'one', words(200_000, 150_000), words(129, 129), words(131, 131), words(5_000, 2_000)];
    for (const text of bodies) expect(bodySketch(text)).toEqual(referenceSketch(text));
  });

  it('gives the same sketch as before for every corpus note', () => {
    const read = corpusReadOptions();
    const files = scanNotesSync(CORPUS_NOTES);
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const { note } = parseNoteText(toRelPath(CORPUS_NOTES, file), readFileSync(file, 'utf8'), read);
      expect(bodySketch(note.body), file).toEqual(referenceSketch(note.body));
    }
  });
});
