import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_PERSON, FIRST_PERSON_HINT, speaksAsI } from '../../src/summary/tone.js';

// Words of the rules themselves, their neighbours and case variants, so random sentences often match.
const words = {
  de: ['ich', 'Ich', 'ICH', 'werde', 'kann', 'habe', 'hier', 'dir', 'Ihnen', 'euch', 'erkläre', 'zeige', 'es', 'das', 'lass', 'Lass', 'mich', 'lassen', 'Sie', 'sich', 'nicht', 'gleich', 'ich werde', 'Lass mich', 'zeige ich dir', 'erkläre es Ihnen', 'ich habe hier'],
  fr: ['je', 'Je', 'JE', 'vais', 'peux', 'vous', 'te', 'pense', "j'", 'j’', 'espère', 'ai', 'inclus', 'laissez-moi', 'permettez-moi', 'moi', 'jeu', 'déjà', 'je vais', 'j’ai inclus', 'laissez-moi'],
  es: ['yo', 'voy', 'a', 'puedo', 'podría', 'te', 'recomiendo', 'espero', 'creo', 'que', 'mantendré', 'explicaré', 'déjame', 'permíteme', 'Voy', 'PUEDO', 'Creo', 'voy a', 'creo que', 'yo puedo'],
};
const sentence = (lang: keyof typeof words) =>
  fc.array(fc.oneof(fc.constantFrom(...words[lang]), fc.constantFrom(' ', ', ', '-', '.', "'", 'x'), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((p) => p.join(' '));

describe('the cheap test before a language\'s first-person rule', () => {
  for (const lang of ['de', 'fr', 'es'] as const) {
    const rule = FIRST_PERSON.find(([when]) => when.test(lang))![1];
    const hint = FIRST_PERSON_HINT.find(([when]) => when.test(lang))![1];
    it(`holds wherever the rule matches (${lang}), so skipping the rule when it fails changes nothing`, () => {
      let matched = 0;
      fc.assert(
        fc.property(sentence(lang), (s) => {
          if (rule.test(s)) {
            matched++;
            expect(hint.test(s)).toBe(true);
          }
        }),
        { numRuns: 3000 },
      );
      expect(matched).toBeGreaterThan(20); // the property was tried on sentences the rule matches
    });
  }

  it('still finds the writer speaking as "I" in each language', () => {
    expect(speaksAsI('Ich werde das kurz erklären.', 'de')).toBe(true);
    expect(speaksAsI('Je vais vous montrer comment.', 'fr')).toBe(true);
    expect(speaksAsI('Voy a explicarlo paso a paso.', 'es')).toBe(true);
    expect(speaksAsI('Die Funktion gibt nichts zurück.', 'de')).toBe(false);
  });
});
