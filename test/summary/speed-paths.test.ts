/**
 * Speed paths of the summary (issue 23) held to what they stand for: a character test to the regex it
 * replaces, for any input; a hint before a rule, to the rule; a dialogue's "does this turn ask?" read
 * once a choice, with the same pairs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsWithFullStop } from '../../src/summary/counted-series.js';
import { pairedWith } from '../../src/summary/answers.js';
import { ASKS_INDIRECTLY, asksIndirectly } from '../../src/summary/indirect-question.js';
import { ruleFor } from '../../src/summary/locale-rules.js';
import { candidateOf, type Candidate } from '../../src/summary/walk.js';

describe("a sentence's full stop", () => {
  const FULL_STOP = /\s*[.。।]$/u; // counted-series.ts's rule, as its replace keeps it
  const units = ['.', '。', '।', ' ', '\n', '\u3000', 'a', '٫', '．', '｡', '!', '?', '\uD83D', '\uDE00', '😀', '中', 'x.', '. '];

  it('is found as the regex finds it, for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(endsWithFullStop(s)).toBe(FULL_STOP.test(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a question asked indirectly', () => {
  // Verbs and interrogatives of each language, in other cases and with letters that fold to ASCII under /iu (K, ſ).
  const pieces = ['I wanted to know', ' why', ' whether', 'WONDER', 'asked', 'a\u017Fk', '\u212Anow', 'find out', 'learn', ' how', 'Quería saber', ' por qué', ' si', 'preguntarle', 'Pergunto', ' se', 'Je me demande', ' pourquoi', ' s’il', 'comprendre', 'Ich wollte wissen,', ' warum', ' ob', 'fragen mich', 'erfahren', ' welches', ' ', ', ', '.', 'x', 'é'];

  it('is told as the rule tells it, where a hint turns most sentences away first, for any text', () => {
    fc.assert(
      fc.property(fc.constantFrom('en', 'es', 'pt', 'fr', 'de', 'de-AT', 'pt-BR', 'zh'), fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (locale, parts) => {
        const s = parts.join('');
        expect(asksIndirectly(s, locale)).toBe(ruleFor(ASKS_INDIRECTLY, locale)?.test(s) ?? false);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("a dialogue's pairs of question and answer", () => {
  /** Turns of a dialogue as the choice holds them, each candidate counting how often its text is read. */
  function dialogue(texts: string[]): { options: Array<{ c: Candidate; taken: boolean; place: number; cost: number }>; reads: Map<Candidate, number> } {
    const reads = new Map<Candidate, number>();
    const options = texts.map((text, i) => {
      const c = candidateOf({ text, kind: 'sentence', turn: true }, i, i, 0, undefined);
      Object.defineProperty(c, 'text', {
        get: () => {
          reads.set(c, (reads.get(c) ?? 0) + 1);
          return text;
        },
      });
      return { c, taken: false, place: 1, cost: text.length };
    });
    return { options, reads };
  }
  const texts = [
    'How long does an SSD last?',
    'Ten years or more for most people, far past the warranty.',
    'And what wears it out?',
    'I wanted to know whether trimming matters.',
    'Writes wear it out: each cell takes a few thousand before it fails.',
    'No. Trimming only tells the drive which blocks are free.',
    'What about heat?',
    'Heat matters less than writes.',
  ];

  it('are the same with the turns that ask read once for the whole choice', () => {
    const { options } = dialogue(texts);
    const fresh = options.map((o) => pairedWith(o, options, 'en'));
    const asking = new Map<Candidate, boolean>();
    for (let round = 0; round < 3; round++) expect(options.map((o) => pairedWith(o, options, 'en', asking))).toEqual(fresh);
    expect(fresh.filter((p) => p !== undefined).length).toBeGreaterThan(0);
  });

  it('read whether each turn asks once, however many options and rounds ask for pairs', () => {
    const { options, reads } = dialogue(texts);
    const asking = new Map<Candidate, boolean>();
    for (let round = 0; round < 3; round++) for (const o of options) pairedWith(o, options, 'en', asking);
    // A turn that asks is read only to tell that it asks (an answer's text is read again, for whether it needs its question).
    const questions = options.filter((o) => asking.get(o.c) === true);
    expect(questions.length).toBe(4);
    for (const o of questions) expect(reads.get(o.c)).toBe(1);
  });
});
