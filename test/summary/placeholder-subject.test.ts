/**
 * A subject that only holds the place of a later one ("There are two…", "Is it safe to…?", "Es gibt…",
 * "Il faut…") points at nothing before it: the sentence is no continuation, its question no question
 * about what came before (issue 23, tester 17-2: "Two popular choices: Hugo and Jekyll." dropped, "Is it
 * safe to…? No." unanswered). Notes and sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';
import { opensOnPlaceholder } from '../../src/summary/placeholder-subject.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(title: string, body: string, lang = 'en'): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-note-${lang}.md`, Buffer.from(`---\ntitle: ${title}\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

describe('a placeholder subject', () => {
  it('is told from a pronoun pointing back, by grammar', () => {
    for (const [s, locale] of [
      ['There are two common formats.', 'en'],
      ['It is wise to label every jar.', 'en'],
      ['Is it worth buying a second battery?', 'en'],
      ['Is there a faster way?', 'en'],
      ['Es gibt zwei Wege.', 'de'],
      ['Ist es sinnvoll, die Dose zu beschriften?', 'de'],
      ['Il faut compter deux heures.', 'fr'],
      ['Il est utile de noter la date.', 'fr'],
      // One rule serves statements and questions (the rule questions had of their own is folded in).
      ['Why would it be wise to wait for the sale?', 'en'],
      ['Does it make sense to buy two jars?', 'en'],
      ['Warum lohnt es sich, die Gläser vorher zu spülen?', 'de'],
    ] as const) expect(opensOnPlaceholder(s, locale), s).toBe(true);
    for (const [s, locale] of [
      ['It keeps for a week in the fridge.', 'en'],
      ['They stay sealed until opened.', 'en'],
      ['It is used to seal the lid.', 'en'],
      ['Es ist leicht zu öffnen.', 'de'],
      ['Il reste frais trois jours.', 'fr'],
    ] as const) expect(opensOnPlaceholder(s, locale), s).toBe(false);
  });

  it('keeps a short count with the names it counts', () => {
    const got = points(
      'Choosing a bread flour',
      `Home bakers mostly buy flour by the bag at the supermarket.

There are two usual grades. Type 550 and Type 1050.

Type 550 gives a light crumb for rolls and white loaves. Type 1050 holds more bran and suits darker country breads.
`,
    );
    expect(got, got.join(' | ')).toContain('There are two usual grades: Type 550 and Type 1050.');
  });

  it('answers a question whose "it" stands for what follows', () => {
    const got = points(
      'Storing soup',
      `Most soups keep well in the freezer for a few months. Is it wise to thaw them on the counter? No. Bacteria grow fast between 5 and 60 degrees while the middle is still frozen.

Thaw soup overnight in the fridge, then bring it to a full boil before serving.
`,
    );
    expect(got.some((p) => /Is it wise to thaw them on the counter\? No\./.test(p)), got.join(' | ')).toBe(true);
  });
});
