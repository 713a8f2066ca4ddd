/**
 * A note opening on a reaction to the question asked before it (issue 23, tester 19-2): an
 * interjection, then a pronoun or a demonstrative with its noun, then only how common the thing is
 * ("Oh, celui-là, beaucoup de cyclistes le connaissent.", "ओह, यह आवाज़ अक्सर सुनाई देती है।") is no point,
 * in the language's own script (Devanagari vowel signs, the Arabic comma); a reaction announcing
 * its substance after a colon ("Oh, that's easy: tighten …") gives way to the substance. Notes
 * written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

// Each reaction shares a word with the note ("cyclistes", "आवाज़", "الدراجات", "噪音"), so its words alone do not leave it out.
const REACTIONS: Array<[lang: string, body: string, reaction: string, kept: string]> = [
  [
    'fr',
    'Oh, celui-là, beaucoup de cyclistes le connaissent. Une chaîne qui grince manque presque toujours d’huile. Nettoyez-la puis huilez chaque maillon.\n\nLes cyclistes essuient l’excès après dix minutes.',
    'beaucoup de cyclistes',
    'Une chaîne qui grince manque presque toujours d’huile.',
  ],
  [
    'hi',
    'ओह, यह आवाज़ अक्सर सुनाई देती है। साइकिल की चेन तेल की कमी से आवाज़ करती है। हर कड़ी पर तेल की एक बूँद डालें।\n\nदस मिनट बाद ज़्यादा तेल पोंछ दें।',
    'अक्सर',
    'साइकिल की चेन तेल की कमी से आवाज़ करती है।',
  ],
  [
    'hi',
    'अरे, यह तो कई साइकिल वालों के साथ होता है। साइकिल की चेन तेल की कमी से आवाज़ करती है। हर कड़ी पर तेल की एक बूँद डालें।',
    'साइकिल वालों',
    'साइकिल की चेन तेल की कमी से आवाज़ करती है।',
  ],
  [
    'ar',
    'أوه، هذا يحدث لكثير من الدراجات. تصدر سلسلة الدراجات صوتًا لأنها تحتاج إلى زيت. ضع قطرة زيت على كل حلقة.\n\nامسح الزيت الزائد بعد عشر دقائق.',
    'يحدث',
    'تصدر سلسلة الدراجات صوتًا لأنها تحتاج إلى زيت.',
  ],
  [
    'zh',
    '哎呀，这个噪音很多人都遇到过。链条发出噪音通常是因为缺油。每节链条滴一滴油即可。\n\n十分钟后擦掉多余的油。',
    '遇到过',
    '链条发出噪音通常是因为缺油。',
  ],
];

const SUBSTANCE_AFTER_COLON: Array<[lang: string, body: string, substance: string]> = [
  ['en', 'Oh, that’s easy: tighten the brake cable by half a turn. A slack cable lets the lever touch the bar.\n\nTest the brake before riding.', 'Tighten the brake cable by half a turn.'],
  ['fr', 'Ah, c’est facile : resserrez le câble de frein d’un demi-tour. Un câble détendu laisse le levier toucher le guidon.\n\nTestez le frein avant de rouler.', 'Resserrez le câble de frein d’un demi-tour.'],
  ['de', 'Ach, das ist einfach: Ziehen Sie das Bremskabel eine halbe Umdrehung nach. Ein lockeres Kabel lässt den Hebel den Lenker berühren.\n\nPrüfen Sie die Bremse vor der Fahrt.', 'Ziehen Sie das Bremskabel eine halbe Umdrehung nach.'],
];

describe('a reaction to the asking at the note’s start', () => {
  for (const [lang, body, reaction, kept] of REACTIONS) {
    it(`saying only how common the thing is, is no point (${lang}: ${reaction})`, () => {
      const points = pointsOfNote(lang, body);
      expect(points[0]).toBe(kept);
      expect(points.some((p) => p.includes(reaction) && p !== kept), reaction).toBe(false);
    });
  }

  for (const [lang, body, substance] of SUBSTANCE_AFTER_COLON) {
    it(`announcing its substance after a colon gives the substance (${lang})`, () => {
      expect(pointsOfNote(lang, body)[0]).toBe(substance);
    });
  }

  it('keeps an opening whose demonstrative names a thing with a figure or more than a remark', () => {
    const withFigure = pointsOfNote('en', 'Oh, this chain wears out after 3000 km on most bikes. Measure it with a chain checker.\n\nReplace it before it reaches 0.75 % stretch.');
    expect(withFigure[0]).toBe('Oh, this chain wears out after 3000 km on most bikes.');
    const long = pointsOfNote('fr', 'Ah, cette cire dure bien plus longtemps que l’huile sur la plupart des vélos de route par temps sec. Appliquez-la sur une chaîne propre.');
    expect(long[0]).toContain('cette cire dure bien plus longtemps');
  });

  it('keeps a first sentence whose words before the colon are not a reaction to the asking', () => {
    const points = pointsOfNote('en', 'First, check the chain: it should sag by about one centimetre. A tight chain wears the sprockets.\n\nAdjust the rear wheel to set it.');
    expect(points[0]).toBe('First, check the chain: it should sag by about one centimetre.');
  });
});
