/**
 * A closing wish to the reader of any length, by its language's grammar of wishing: the adjective of
 * well-wishing with its noun and prepositional phrases only (en, es, fr, pt), the noun of wishing last
 * with no verb (hi), the optative accusative (ar). A wish that carries a fact, and an instruction that
 * ends on "!", stay points (issue 23, tester 19-2 item 3). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const BODY: Record<string, string> = {
  en: 'A kayak paddle should reach your raised wrist. Longer blades push more water per stroke.\n\nFeather the blades at 45 degrees against the wind.',
  es: 'Un remo de kayak debe llegar a la muñeca levantada. Las palas largas empujan más agua por palada.\n\nGira las palas 45 grados contra el viento.',
  fr: 'Une pagaie de kayak doit arriver au poignet levé. Les pales longues poussent plus d’eau à chaque coup.\n\nDécalez les pales de 45 degrés face au vent.',
  pt: 'Um remo de caiaque deve chegar ao pulso levantado. Pás longas empurram mais água a cada remada.\n\nGire as pás 45 graus contra o vento.',
  hi: 'कयाक का चप्पू उठी हुई कलाई तक पहुँचना चाहिए। लंबे ब्लेड हर स्ट्रोक में ज़्यादा पानी धकेलते हैं।\n\nहवा के सामने ब्लेड को 45 डिग्री घुमाएँ।',
  ar: 'يجب أن يصل مجداف الكاياك إلى المعصم المرفوع. الشفرات الطويلة تدفع ماء أكثر في كل ضربة.\n\nأدر الشفرات 45 درجة عكس الريح.',
};

const WISHES: Array<[lang: string, wish: string]> = [
  ['en', 'Good luck with your new kayak and your first long trips on the lake!'],
  ['en', 'Happy paddling with your kayak on the river 🛶'],
  ['es', '¡Muchos éxitos con tu nuevo kayak y con tus primeras travesías!'],
  ['fr', 'Bonne route avec ta pagaie et ton kayak sur la rivière !'],
  ['pt', 'Boa sorte com o seu remo e o seu primeiro caiaque!'],
  ['hi', 'आपके नए कयाक और झील पर पहली यात्रा के लिए शुभकामनाएँ!'],
  ['ar', 'وقتًا ممتعًا مع الكاياك والمجداف الجديد على البحيرة!'],
];

describe('a closing wish to the reader, whatever its length', () => {
  for (const [lang, wish] of WISHES) {
    it(`is no point (${lang}: ${wish})`, () => {
      const points = pointsOfNote(lang, `${BODY[lang]}\n\n${wish}`);
      expect(points).not.toContain(wish);
      expect(points.length).toBeGreaterThan(1);
    });
  }

  it('keeps a wish that carries a fact, and an instruction that ends on "!"', () => {
    const fact = 'Good luck: the water must be above 12 °C before you capsize on purpose.';
    expect(pointsOfNote('en', `${BODY.en}\n\n${fact}`)).toContain(fact);
    const told = 'Keep the paddle blades feathered whenever the wind picks up on open water!';
    expect(pointsOfNote('en', `${BODY.en}\n\n${told}`)).toContain(told);
    const statement = 'Buena parte del agua entra por la bañera.';
    expect(pointsOfNote('es', `${BODY.es}\n\n${statement}`)).toContain(statement);
  });
});

describe('a long closing line that is no wish', () => {
  // The Latin wish form once let a phrase's words be split several ways (a determiner slot before words that could
  // be determiners too), so a line of repeated "and with the the" that ends as a statement backtracked exponentially:
  // 10 repeats took 1.9 s, 12 several seconds more per repeat. Each word now has one place, and the answer comes in
  // linear time. The bound is a thousand times the linear time, so load cannot make it fail; the old form cannot meet it.
  it.each(['en', 'es', 'fr', 'pt'] as const)('is told in linear time (%s)', async (lang) => {
    const { wishesByForm } = await import('../../src/summary/wish-form.js');
    const unit = { en: 'and with the the', es: 'y con la la', fr: 'et avec la la', pt: 'e com a a' }[lang];
    const opening = { en: 'Good luck', es: 'Buena suerte', fr: 'Bonne chance', pt: 'Boa sorte' }[lang];
    const line = `${opening} ${Array.from({ length: 14 }, () => unit).join(' ')} x.`;
    const started = performance.now();
    expect(wishesByForm(line, lang)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(wishesByForm(`${opening} ${unit.split(' ').slice(1).join(' ')} journey!`, lang)).toBe(true);
  });
});
