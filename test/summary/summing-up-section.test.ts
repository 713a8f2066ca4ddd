/**
 * Issue 23 (tester round 16, F6): a closing section that sums the note up is preferred (README),
 * yet its sentence was dropped as naming nothing when its words come once in the note, which a
 * conclusion's words often do ("Patience matters more than equipment…"). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

/** A guide of four parts and a closing section under `heading` that says `conclusion`. */
function guide(opening: string, parts: readonly [string, string][], heading: string, conclusion: string): string {
  return [opening, ...parts.map(([h, text]) => `## ${h}\n\n${text}`), `## ${heading}\n\n${conclusion}`].join('\n\n');
}

const en = (heading: string) =>
  guide(
    'Baking sourdough at home takes a few days, and this note walks through the whole process.',
    [
      ['Feeding the starter', 'Feed the starter with flour and water twice a day. A lively starter doubles within six hours.'],
      ['Mixing the dough', 'Mix flour, water and salt with a spoon of starter. Let the dough rest for an hour.'],
      ['Shaping', 'Fold the dough into a tight ball and place it in a floured basket.'],
      ['Baking', 'Bake in a covered pot at 250 °C, then uncover it for the last twenty minutes.'],
    ],
    heading,
    'Patience matters more than equipment: a slow rise gives a better crumb than any expensive oven.',
  );

describe('a section that sums the note up', () => {
  for (const heading of ['Conclusion', 'Summary', 'Final thoughts']) {
    it(`gives its conclusion, under "${heading}"`, () => {
      expect(pointsOfNote('en', en(heading)).some((p) => p.startsWith('Patience matters more than equipment'))).toBe(true);
    });
  }

  it('in German ("Fazit")', () => {
    const de = guide(
      'Sauerteigbrot zu Hause zu backen dauert ein paar Tage, und diese Notiz beschreibt den ganzen Ablauf.',
      [
        ['Anstellgut füttern', 'Das Anstellgut zweimal am Tag mit Mehl und Wasser füttern. Ein aktives Anstellgut verdoppelt sich in sechs Stunden.'],
        ['Teig mischen', 'Mehl, Wasser und Salz mit einem Löffel Anstellgut mischen. Den Teig eine Stunde ruhen lassen.'],
        ['Formen', 'Den Teig zu einer festen Kugel falten und in einen bemehlten Korb legen.'],
        ['Backen', 'Im geschlossenen Topf bei 250 °C backen, die letzten zwanzig Minuten ohne Deckel.'],
      ],
      'Fazit',
      'Geduld zählt mehr als Ausrüstung: eine langsame Gare ergibt eine bessere Krume als jeder teure Ofen.',
    );
    expect(pointsOfNote('de', de).some((p) => p.startsWith('Geduld zählt mehr als Ausrüstung'))).toBe(true);
  });

  it('in Arabic ("الخاتمة")', () => {
    const ar = guide(
      'خبز العجين المخمر في البيت يستغرق بضعة أيام، وهذه الملاحظة تشرح العملية كلها.',
      [
        ['تغذية الخميرة', 'غذِّ الخميرة بالدقيق والماء مرتين في اليوم. الخميرة النشطة تتضاعف خلال ست ساعات.'],
        ['خلط العجين', 'اخلط الدقيق والماء والملح مع ملعقة من الخميرة. اترك العجين يرتاح ساعة.'],
        ['التشكيل', 'اطوِ العجين على شكل كرة مشدودة وضعه في سلة مرشوشة بالدقيق.'],
        ['الخبز', 'اخبزه في قدر مغطى على 250 درجة، ثم اكشفه في آخر عشرين دقيقة.'],
      ],
      'الخاتمة',
      'الصبر أهم من المعدات: التخمير البطيء يعطي لبابًا أفضل من أي فرن غالٍ.',
    );
    expect(pointsOfNote('ar', ar).some((p) => p.startsWith('الصبر أهم من المعدات'))).toBe(true);
  });

  it('but a word to the reader there is a sign-off, not a conclusion', () => {
    const points = pointsOfNote('en', en('Conclusion').replace(/Patience matters[^\n]*/u, 'Happy baking, and enjoy your bread!'));
    expect(points.some((p) => p.startsWith('Happy baking'))).toBe(false);
  });
});
