/**
 * The writer acknowledging the reader's situation before the answer is no point (issue 23, F2), in
 * every language: the writer's verb of understanding in the first person, by pronoun or by the verb's
 * own ending ("Entiendo perfectamente la frustración…", "أتفهم موقفك تمامًا.", "समझ सकती हूँ कि…",
 * "很能理解這種心情。", "お困りの状況、よく理解できます。"), a bare pointer perceived ("That sounds really
 * frustrating.") and a pointer judging the question ("यह एक बहुत अच्छा सवाल है।"). Opening sentences that look
 * the same but say something of the subject stay. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';
import { STARTER, starterPoints } from '../helpers/starter-notes.js';

const ACKNOWLEDGEMENTS: Array<[lang: string, sentence: string]> = [
  ['en', 'I completely understand how frustrating this is.'],
  ['en', 'That sounds really frustrating.'],
  ['es', 'Entiendo perfectamente la frustración de ver que no sube.'],
  ['es', 'Comprendo lo frustrante que resulta.'],
  ['es', 'Suena muy frustrante.'],
  ['fr', 'Ça doit être frustrant.'],
  ['de', 'Das klingt wirklich ärgerlich.'],
  ['ja', 'お困りの状況、よく理解できます。'],
  ['zh', '完全能理解这种心情。'],
  ['zh', '听起来真的很让人头疼。'],
  ['hant', '很能理解這種心情。'],
  ['hant', '完全明白你的感受。'],
  ['ar', 'أفهم تمامًا إحباطك.'],
  ['ar', 'أتفهم موقفك تمامًا.'],
  ['ar', 'يبدو هذا محبطًا حقًا.'],
  ['hi', 'यह एक बहुत अच्छा सवाल है।'],
  ['hi', 'समझ सकती हूँ कि यह कितना निराशाजनक है।'],
  ['fr', 'Je vois tout à fait ce que vous voulez dire.'],
  ['fr', "Désolé d'apprendre ça."],
  ['es', 'Lo entiendo perfectamente.'],
  ['ja', 'お困りのことと思います。'],
  ['zh', '这确实很让人头疼。'],
  ['hant', '這真的很令人沮喪。'],
  ['ar', 'أعلم أن هذا محبط.'],
  ['ar', 'هذا محبط بالفعل.'],
  ['hi', 'यह सच में परेशान करने वाला है।'],
];

const SUBJECT_OPENINGS: Array<[lang: string, sentence: string]> = [
  ['en', 'I see two ways to fix the starter.'],
  ['en', 'It looks like a hydration problem.'],
  ['es', 'Entiendo la receta mejor cuando la escribo a mano.'],
  ['es', 'Parece que la masa no sube por falta de calor.'],
  ['de', 'Das klingt nach einem Problem mit der Hefe.'],
  ['zh', '理解递归是学习算法的关键。'],
  ['zh', '听起来像是温度问题。'],
  ['ja', '発酵の仕組みを理解するには温度が大切です。'],
  ['ar', 'أفهم الخوارزمية بشكل أفضل عند رسمها على الورق.'],
  ['en', "It's really fast on a warm day."],
  ['es', 'Lo entiendo mejor con un ejemplo.'],
  ['fr', 'Je vois trois causes possibles.'],
  ['zh', '这让人想起早期的面包机。'],
  ['hi', 'यह बहुत तेज़ चलता है।'],
  ['ja', 'お使いの環境では動作しないと思います。'],
];

describe('an opening that acknowledges the reader', () => {
  for (const [lang, sentence] of ACKNOWLEDGEMENTS) {
    it(`is no point (${lang}: ${sentence})`, () => {
      const points = pointsOfNote(lang, `${sentence}\n\n${STARTER[lang]}`);
      expect(points).toEqual(starterPoints(lang));
    });
  }
});

describe('an opening of the same shape that says something of the subject', () => {
  for (const [lang, sentence] of SUBJECT_OPENINGS) {
    it(`stays a point (${lang}: ${sentence})`, () => {
      expect(pointsOfNote(lang, `${sentence}\n\n${STARTER[lang]}`)[0]).toBe(sentence);
    });
  }
});
