/**
 * Every candidate of a note has the same fields in the same order (walk.ts candidateOf): the choice
 * loops over them many times per note, and candidates of a dozen shapes kept V8 deoptimising it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNoteText } from '../../src/notes/read.js';
import { collectCandidates } from '../../src/summary/candidates.js';
import { SpanTable } from '../../src/summary/inline.js';
import { CORPUS_NOTES, corpusReadOptions, manifest } from '../helpers/corpus.js';

describe('the candidates of a note', () => {
  it('all have one shape, over the corpus', () => {
    const opts = corpusReadOptions();
    const shapes = new Map<string, string>();
    let candidates = 0;
    for (const row of manifest()) {
      const { note, tokens } = parseNoteText(row.path, readFileSync(path.join(CORPUS_NOTES, row.path), 'utf8'), opts);
      for (const c of collectCandidates(tokens, note.locale, new SpanTable(), 200).candidates) {
        candidates++;
        const keys = Object.keys(c).join(',');
        if (!shapes.has(keys)) shapes.set(keys, `${row.path}: ${c.kind} ${c.text.slice(0, 40)}`);
      }
    }
    expect(candidates).toBeGreaterThan(500);
    expect([...shapes.values()]).toHaveLength(1);
  });
});
