/**
 * German writes every noun with a capital: there a capital inside a sentence is no sign of a name,
 * and a sentence of many nouns said once does not outweigh the one that names what the note keeps
 * coming back to. Candidates written for this test.
 */
import { describe, expect, it } from 'vitest';
import { SpanTable, pointText } from '../../src/summary/inline.js';
import { choosePoints } from '../../src/summary/select.js';
import type { Candidate } from '../../src/summary/walk.js';

function sentence(text: string, pos: number, extra: Partial<Candidate> = {}): Candidate {
  return { text, pos, block: pos, section: 0, kind: 'sentence', ...extra };
}

describe('a German note', () => {
  const opening = 'Der Kompostierer zersetzt Küchenabfälle im Keller innerhalb von sechs Wochen zu Erde.';
  const manyNouns = 'Frost, Ratten, Fliegen, Gestank, Schimmel und Beschwerden der Nachbarn prägten den Winter.';
  // "feucht" and "locker" come back in the note; its nouns are said once.
  const subject = 'Der Inhalt bleibt feucht und locker, sonst stockt die Zersetzung.';
  const candidates = [
    sentence(opening, 0, { opening: true }),
    sentence(manyNouns, 1),
    sentence(subject, 2),
    sentence('Trockene Erde wird zuerst feucht gemacht.', 3),
    sentence('Grobes Laub hält den Haufen locker.', 4),
  ];

  it('chooses the sentence on its recurring subject over one of nouns said once', () => {
    const budget = { chars: opening.length + 3 + 100, maxPoints: 2, maxPointChars: 200 };
    const got = choosePoints(candidates, new SpanTable(), 'de', 'Kompost im Keller', [], budget).map(pointText);
    expect(got).toEqual([opening, subject]);
  });
});
