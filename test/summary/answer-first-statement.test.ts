/**
 * The answer to a question the writer asks is the first statement after it: when that statement
 * gives no point (it speaks of "your" things, in any language), the question is not joined to a
 * later sentence or paragraph that does not answer it (issue 23, tester round 17: F1). Notes
 * written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

/** Whether a point holds the question joined to the given later sentence. */
const joinedTo = (points: readonly string[], question: string, later: string) => points.some((p) => p.includes(question) && p.includes(later));

describe('a question whose first statement after it is no point', () => {
  it('is not joined to the next paragraph (en)', () => {
    const points = pointsOfNote(
      'en',
      'Tea stains build up in mugs over a few weeks. Why do the stains come back so fast? Because your dishwasher runs too cool to lift tannin from the glaze.\n\n' +
        'Soak the mugs in baking soda overnight. The brown film then wipes off with a sponge.',
    );
    expect(joinedTo(points, 'Why do the stains come back so fast?', 'Soak the mugs')).toBe(false);
  });

  it('is not joined to the next paragraph (zh)', () => {
    const points = pointsOfNote(
      'zh',
      '茶杯用久了会积茶垢。为什么茶垢这么快又出现？因为你的洗碗机水温太低，洗不掉釉面上的单宁。\n\n把杯子放进小苏打水里泡一夜。第二天用海绵一擦就掉。',
    );
    expect(joinedTo(points, '为什么茶垢这么快又出现？', '把杯子放进小苏打水')).toBe(false);
  });
});

describe('an answer that cannot stand alone without its question', () => {
  const alone = (points: readonly string[], opening: RegExp) => points.some((p) => opening.test(p));

  it('is no point when its question points back (en, de, es)', () => {
    const en = pointsOfNote('en', 'Sealed lead-acid batteries survive years on a shelf. Why does that happen? Because the sulphate forms slowly at low temperature.\n\nCharge them twice a year anyway.');
    expect(alone(en, /^Because\b/)).toBe(false);
    const de = pointsOfNote('de', 'Sauerteig geht im Kühlschrank langsamer auf. Warum passiert das? Weil die Hefen bei Kälte kaum Zucker umsetzen.\n\nMan backt ihn am nächsten Morgen.');
    expect(alone(de, /^Weil\b/)).toBe(false);
    const es = pointsOfNote('es', 'El pan de masa madre dura más que el de levadura. ¿Por qué pasa esto? Porque el ácido frena el moho durante días.\n\nSe guarda envuelto en un paño.');
    expect(alone(es, /^Porque\b/)).toBe(false);
  });

  it('is no point when question and answer together are longer than a point', () => {
    const points = pointsOfNote(
      'en',
      'Why do old harbour walls crack first at the waterline? Because the tide wets and dries the mortar twice a day, salt crystals grow in its pores each time they dry, and over decades the pressure they exert splits the joints open from inside long before the stones themselves show any wear.\n\n' +
        'Lime mortar is used for the repairs. It lets the wall breathe.',
    );
    expect(alone(points, /^Because\b/)).toBe(false);
  });

  it('drops the explanation of a "No." whose question is not shown', () => {
    const points = pointsOfNote('en', 'Cut basil wilts within a day. Is it fine to keep it in the fridge? No. Cold turns the leaves black in a few hours.\n\nStand the stems in a glass of water on the counter.');
    expect(points.some((p) => p.startsWith('Cold turns the leaves black'))).toBe(false);
  });
});

describe('a heading that is a question', () => {
  it("is shown before its section's answer, a brief reply kept (en, zh)", () => {
    const en = pointsOfNote(
      'en',
      '## Does the pool lend towels?\n\nNo. Swimmers bring their own or buy one at the desk for five euros.\n\n## How long is a lane booking?\n\nForty-five minutes, extendable once at the desk.',
    );
    expect(en).toContain('Does the pool lend towels? No. Swimmers bring their own or buy one at the desk for five euros.');
    expect(en).toContain('How long is a lane booking? Forty-five minutes, extendable once at the desk.');
    const zh = pointsOfNote('zh', '## 游泳馆提供毛巾吗？\n\n不提供。泳客需要自带，或在前台花五元购买。\n\n## 泳道预约多长时间？\n\n四十五分钟，可以在前台延长一次。');
    expect(zh.some((p) => p.startsWith('游泳馆提供毛巾吗？不提供。'))).toBe(true);
    expect(zh).not.toContain('不提供。');
  });

  it('is not repeated before an answer that names what it asks of', () => {
    const points = pointsOfNote('en', '## What are sourdough starters?\n\nSourdough starters are flour and water fermented by wild yeast for about a week.');
    expect(points).toContain('Sourdough starters are flour and water fermented by wild yeast for about a week.');
  });
});
