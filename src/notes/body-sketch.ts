/**
 * How alike two notes' bodies are, without keeping the bodies: a rename is decided on content
 * (publish/rename-match.ts), and a removed note's file is gone by then, so its record keeps a
 * sketch of its body. The body is cut into words (each CJK character a word, as those scripts
 * write no spaces), the words into overlapping runs of three (shingles), and the sketch keeps the
 * SKETCH_SIZE smallest of their 32-bit hashes and how many there were: exact for a body of up to
 * that many shingles, an estimate (bottom-k) beyond. Pure.
 */
import type { BodySketch } from '../store/types.js';

const SKETCH_SIZE = 128;
const SHINGLE_WORDS = 3;
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const WORD = new RegExp(`[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{N}])+`, 'gu');

/** FNV-1a, 32 bits: stable across releases and processes, as a stored sketch must be. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function bodySketch(body: string): BodySketch {
  const words = body.toLowerCase().match(WORD) ?? [];
  const shingles = new Set<number>();
  const last = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < last && words.length; i++) shingles.add(hash32(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return { n: shingles.size, mins: [...shingles].sort((a, b) => a - b).slice(0, SKETCH_SIZE) };
}

/**
 * The share of the smaller body's shingles the other has too (overlap coefficient): 1 for a body
 * kept whole and added to, near 0 for unrelated text. 0 when either body has no words.
 */
export function bodyOverlap(a: BodySketch, b: BodySketch): number {
  if (!a.n || !b.n) return 0;
  // Bottom-k: of the union's k smallest hashes, the share both sketches hold estimates the Jaccard index.
  const inA = new Set(a.mins);
  const inB = new Set(b.mins);
  const union = [...new Set([...a.mins, ...b.mins])].sort((x, y) => x - y).slice(0, SKETCH_SIZE);
  const both = union.filter((h) => inA.has(h) && inB.has(h)).length;
  const jaccard = both / union.length;
  const shared = (jaccard * (a.n + b.n)) / (1 + jaccard);
  return Math.min(1, shared / Math.min(a.n, b.n));
}
