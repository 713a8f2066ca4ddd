/**
 * An asker's greeting or thanks is no point: a sentence of a few words that asks nothing, before the
 * question of its turn ("Good afternoon. How much…?", "晚上好。…？") or in the dialogue's last turn
 * ("Lovely, thanks."), told by its place and size, not its words (issue 23, tester 17-2 F6). Notes
 * written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe("an asker's greeting in the turn of their question", () => {
  it('is no point, the question is (en, dashes)', () => {
    const points = pointsOfNote(
      'en',
      '— Good afternoon, what can I get you?\n\n— Good afternoon. How much flour goes into one loaf of rye?\n\n' +
        '— Five hundred grams, with a spoon of caraway if you like it.\n\n— Does it need a starter?\n\n— Yes. Rye bread rises poorly on yeast alone, so a sour starter does the work.\n\n— Lovely, thanks.',
    );
    expect(points.some((p) => p.includes('Good afternoon'))).toBe(false);
    expect(points.some((p) => p.includes('Lovely, thanks'))).toBe(false);
    expect(points.some((p) => p.startsWith('How much flour goes into one loaf of rye?'))).toBe(true);
  });

  it('is no point, the question is (es, labels)', () => {
    const points = pointsOfNote(
      'es',
      'Cliente: Buenas tardes. ¿Cuánta harina lleva una hogaza de centeno?\n\nPanadera: Quinientos gramos, con una cucharada de alcaravea si le gusta.\n\n' +
        'Cliente: ¿Hace falta masa madre?\n\nPanadera: Sí. El centeno sube mal solo con levadura, así que la masa madre hace el trabajo.\n\nCliente: Genial, gracias.',
    );
    expect(points.some((p) => p.includes('Buenas tardes'))).toBe(false);
    expect(points.some((p) => p.includes('Genial, gracias'))).toBe(false);
    expect(points.some((p) => p.startsWith('¿Cuánta harina lleva una hogaza de centeno?'))).toBe(true);
  });

  it('is no point, the question is (zh)', () => {
    const points = pointsOfNote(
      'zh',
      '店员：晚上好，需要点什么？\n\n顾客：晚上好。一个黑麦面包要放多少面粉？\n\n店员：五百克左右，喜欢的话可以再加一勺葛缕子，烤出来味道会更香。\n\n顾客：需要酵头吗？\n\n店员：需要。黑麦只用酵母很难发起来，所以要靠酸酵头。\n\n顾客：好的，谢谢。',
    );
    expect(points.some((p) => p.includes('晚上好'))).toBe(false);
    expect(points.some((p) => p.includes('谢谢'))).toBe(false);
    expect(points.some((p) => p.startsWith('一个黑麦面包要放多少面粉？'))).toBe(true);
  });

  it("keeps an asker's statement that names a figure", () => {
    const points = pointsOfNote(
      'en',
      'A: I bake 40 loaves. How much rye flour should I order?\n\nB: Twenty kilograms covers forty loaves with some left for dusting the baskets.\n\nA: And how long does rye flour keep?\n\nB: About six months in a cool, dry room.',
    );
    expect(points.some((p) => p.includes('I bake 40 loaves'))).toBe(true);
  });
});
