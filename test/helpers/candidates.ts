/** Candidates written for summary tests, as the walk would give them. */
import type { Candidate } from '../../src/summary/walk.js';

/** A sentence of its own block at `pos`, in the note's first section. */
export function sentenceAt(text: string, pos: number, extra: Partial<Candidate> = {}): Candidate {
  return { text, pos, block: pos, section: 0, kind: 'sentence', ...extra };
}
