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

/** A shingle's hash from its words' hashes, mixed (murmur3's finaliser) so the smallest ones are a fair sample. */
function shingleHash(a: number, b: number, c: number): number {
  let h = Math.imul(Math.imul(Math.imul(0x811c9dc5 ^ a, 0x01000193) ^ b, 0x01000193) ^ c, 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function bodySketch(body: string): BodySketch {
  const words = (body.toLowerCase().match(WORD) ?? []).map(hash32);
  const shingles = new Set<number>();
  // A body shorter than a shingle is one shingle of what it has.
  if (words.length && words.length < SHINGLE_WORDS) shingles.add(shingleHash(words[0]!, words[1] ?? 0, 0));
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) shingles.add(shingleHash(words[i]!, words[i + 1]!, words[i + 2]!));
  const mins = Uint32Array.from(shingles).sort().subarray(0, SKETCH_SIZE);
  return { n: shingles.size, mins: encode(mins) };
}

/** The hashes as base64 of little-endian 32-bit words: a fifth of a JSON array's size in the note's record, and quick to read. */
function encode(hashes: Uint32Array): string {
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
