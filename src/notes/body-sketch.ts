/**
 * How alike two notes' bodies are, without keeping the bodies: a rename is decided on content
 * (publish/rename-match.ts), and a removed note's file is gone by then, so its record keeps a
 * sketch of its body. The body is cut into words (each CJK character a word, as those scripts
 * write no spaces), the words into overlapping runs of three (shingles), and the sketch keeps the
 * SKETCH_SIZE smallest of their 32-bit hashes and how many there were: exact for a body of up to
 * that many shingles, an estimate (bottom-k) beyond. Pure.
 */
import os from 'node:os';
import type { BodySketch } from '../store/types.js';
import { memoisedClass, widthAt } from '../util/char-class.js';

const LITTLE_ENDIAN = os.endianness() === 'LE';

const SKETCH_SIZE = 128;
const SHINGLE_WORDS = 3;
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
/** A character of those scripts: a word by itself. */
const CJK_CHAR = new RegExp(`^[${CJK}]$`, 'u');
/** A letter or number (of any script: a CJK one is tested first). */
const LETTER_CHAR = /^[\p{L}\p{N}]$/u;
const OTHER = 0;
const LETTER = 1;
const CJK_WORD = 2;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The hashes of a body's words, in order: each CJK character a word, each run of other letters
 * and numbers a word (what `/[CJK]|(?:(?![CJK])[\p{L}\p{N}])+/gu` matches), each hashed with
 * FNV-1a over its UTF-16 units (stable across releases and processes, as a stored sketch must
 * be). test/notes/body-sketch.test.ts holds them to that regular expression's.
 */
export function wordHashes(body: string): number[] {
  const words = new WordHashes();
  return Array.from(words.buffer.subarray(0, words.read(body)));
}

/** ASCII's classes, looked up: most of any note is ASCII, and a table beats three range tests a character. */
const ASCII_CLASS = Uint8Array.from({ length: 0x80 }, (_, u) => ((u >= 0x61 && u <= 0x7a) || (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5a) ? LETTER : OTHER));

/**
 * A body's word hashes in a buffer kept between bodies (one per thread, as `distinct`): one pass
 * that hashes as it reads, with no string cut out and no array grown a word at a time (issue 31:
 * the array's pushes and a range test per ASCII character were most of the sketch's cost).
 */
class WordHashes {
  buffer = new Uint32Array(1024);

  /** Reads `body`'s words into `buffer`; how many there are. */
  read(body: string): number {
    const text = body.toLowerCase();
    // At most one word a character.
    if (this.buffer.length < text.length) this.buffer = new Uint32Array(text.length);
    else if (this.buffer.length > KEPT_SLOTS && text.length <= KEPT_SLOTS) this.buffer = new Uint32Array(KEPT_SLOTS);
    const out = this.buffer;
    let count = 0;
    let h = FNV_OFFSET;
    let inWord = false;
    for (let i = 0; i < text.length; ) {
      const unit = text.charCodeAt(i);
      const kind = unit < 0x80 ? ASCII_CLASS[unit]! : sketchClass(text, i);
      if (kind !== LETTER && inWord) {
        out[count++] = h;
        inWord = false;
      }
      if (kind === OTHER) {
        i += unit < 0x80 ? 1 : widthAt(text, i);
        continue;
      }
      if (!inWord) h = FNV_OFFSET;
      h = Math.imul(h ^ unit, FNV_PRIME);
      if (unit >= 0xd800 && widthAt(text, i) === 2) h = Math.imul(h ^ text.charCodeAt(++i), FNV_PRIME);
      i++;
      if (kind === CJK_WORD) out[count++] = h;
      else inWord = true;
    }
    if (inWord) out[count++] = h;
    return count;
  }
}

const wordBuffer = new WordHashes();

/**
 * What a character is to the sketch, told once per character (util/char-class.ts): two Unicode
 * property tests per non-ASCII character were most of a CJK note's sketch.
 */
const sketchClass = memoisedClass((ch) => (CJK_CHAR.test(ch) ? CJK_WORD : LETTER_CHAR.test(ch) ? LETTER : OTHER));

/** A shingle's hash from its words' hashes, mixed (murmur3's finaliser) so the smallest ones are a fair sample. */
function shingleHash(a: number, b: number, c: number): number {
  let h = Math.imul(Math.imul(Math.imul(0x811c9dc5 ^ a, 0x01000193) ^ b, 0x01000193) ^ c, 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function bodySketch(body: string): BodySketch {
  const wordCount = wordBuffer.read(body);
  const words = wordBuffer.buffer;
  // A body shorter than a shingle is one shingle of what it has.
  const count = wordCount >= SHINGLE_WORDS ? wordCount - SHINGLE_WORDS + 1 : Math.min(wordCount, 1);
  const shingles = distinct.start(count);
  if (wordCount && wordCount < SHINGLE_WORDS) shingles.add(shingleHash(words[0]!, wordCount > 1 ? words[1]! : 0, 0));
  for (let i = 0; i + SHINGLE_WORDS <= wordCount; i++) shingles.add(shingleHash(words[i]!, words[i + 1]!, words[i + 2]!));
  return { n: shingles.size, mins: encode(shingles.smallest(SKETCH_SIZE)) };
}

/** Slots a table keeps between bodies: 320 KiB with its marks and values, for bodies of up to 16,384 shingles (most notes have a few thousand). */
const KEPT_SLOTS = 2 ** 15;

/**
 * The distinct values of one body's shingles: an open-addressing table (the shingle hashes are
 * already mixed, so their low bits pick the slot), its slots marked in use by the call's generation
 * so that none is cleared between calls. Counting them and keeping the smallest this way replaced a
 * sort of every shingle (issue 31: the sort was half the sketch's cost). One per thread, reused.
 */
class DistinctValues {
  private slots = new Uint32Array(0);
  private marks = new Uint32Array(0);
  private mask = 0;
  private generation = 0;
  private values = new Uint32Array(0);
  size = 0;

  /**
   * Empties the table for up to `count` values. A table grown for a long body (a 1 MB note's is
   * megabytes) is not kept past the next body that fits in KEPT_SLOTS: a thread holds no more for long.
   */
  start(count: number): this {
    const slotCount = 2 ** Math.ceil(Math.log2(Math.max(64, count * 2)));
    if (slotCount > this.slots.length || (this.slots.length > KEPT_SLOTS && slotCount <= KEPT_SLOTS)) {
      this.slots = new Uint32Array(slotCount);
      this.marks = new Uint32Array(slotCount);
      this.values = new Uint32Array(slotCount >> 1);
      this.mask = slotCount - 1;
      this.generation = 0;
    }
    if (++this.generation === 0x1_0000_0000) {
      this.marks.fill(0);
      this.generation = 1;
    }
    this.size = 0;
    return this;
  }

  add(value: number): void {
    for (let at = value & this.mask; ; at = (at + 1) & this.mask) {
      if (this.marks[at] !== this.generation) {
        this.marks[at] = this.generation;
        this.slots[at] = value;
        this.values[this.size++] = value;
        return;
      }
      if (this.slots[at] === value) return;
    }
  }

  /** The `k` smallest values, ascending: those below the k-th smallest (found by selection), then sorted. */
  smallest(k: number): Uint32Array {
    const values = this.values.subarray(0, this.size);
    if (values.length > k) selectSmallest(values, k);
    return values.subarray(0, Math.min(k, values.length)).sort();
  }
}

const distinct = new DistinctValues();

/** Reorders `a` so that its `k` smallest values come first, in any order (Hoare's selection, middle pivot). */
function selectSmallest(a: Uint32Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    // [lo, j] ≤ pivot ≤ [i, hi]: go on in the part that holds the k-th position.
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
}

/** The hashes as base64 of little-endian 32-bit words: a fifth of a JSON array's size in the note's record, and quick to read. */
function encode(hashes: Uint32Array): string {
  // A typed array's words are in the machine's order: on a little-endian one they are read as they lie.
  if (LITTLE_ENDIAN) return Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength).toString('base64');
  const bytes = Buffer.alloc(hashes.length * 4);
  hashes.forEach((h, i) => bytes.writeUInt32LE(h, i * 4));
  return bytes.toString('base64');
}

function decode(mins: string): Set<number> {
  const bytes = Buffer.from(mins, 'base64');
  const out = new Set<number>();
  for (let i = 0; i + 4 <= bytes.length; i += 4) out.add(bytes.readUInt32LE(i));
  return out;
}

/**
 * The share of the smaller body's shingles the other has too (overlap coefficient): 1 for a body
 * kept whole and added to, near 0 for unrelated text. 0 when either body has no words.
 */
export function bodyOverlap(a: BodySketch, b: BodySketch): number {
  if (!a.n || !b.n) return 0;
  // Bottom-k: of the union's k smallest hashes, the share both sketches hold estimates the Jaccard index.
  const inA = decode(a.mins);
  const inB = decode(b.mins);
  const union = Uint32Array.from(new Set([...inA, ...inB])).sort().subarray(0, SKETCH_SIZE);
  let both = 0;
  for (const h of union) if (inA.has(h) && inB.has(h)) both++;
  const jaccard = both / union.length;
  const shared = (jaccard * (a.n + b.n)) / (1 + jaccard);
  return Math.min(1, shared / Math.min(a.n, b.n));
}
