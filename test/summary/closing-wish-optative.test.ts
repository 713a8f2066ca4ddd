/**
 * A closing wish to the reader of any length in German (the well-wishing adjective and noun, then only
 * nouns, articles, prepositions and their adjectives), Japanese (the optative "…ますように", a request to
 * enjoy) and Chinese (a verb of wishing for "you": "希望你…", "祝您…") is no point; a closing statement of
 * the same words, with a verb of its own, or an instruction ending on "ね！", stays (issue 23, tester 21-2
 * F6). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const BODY: Record<string, string> = {
  de: 'Ein Kombucha-Pilz braucht gesüßten schwarzen Tee und Wärme.\n\nLassen Sie den Ansatz zehn Tage bei 24 Grad gären.',
  ja: '紅茶キノコには甘くした紅茶と暖かさが必要です。\n\n24度で10日間発酵させます。',
  zh: '红茶菌需要加糖的红茶和温暖的环境。\n\n在24度下发酵十天。',
};

const WISHES: Array<[lang: string, wish: string]> = [
  ['de', 'Viel Spaß und gute Nerven mit Ihrem ersten eigenen Kombucha aus dem großen Glas!'],
  ['de', 'Frohes Gären mit dem neuen großen Glas und viel Geduld beim Warten!'],
  ['ja', '最初の一杯がおいしく仕上がりますように。'],
  ['ja', '自家製の紅茶キノコ作り、ぜひ楽しんでくださいね！'],
  ['zh', '希望你很快就能喝上一杯又酸又甜的红茶菌。'],
  ['zh', '祝您早日喝上自己酿的红茶菌。'],
];

const STATEMENTS: Array<[lang: string, statement: string]> = [
  ['de', 'Viel gesüßter Tee hält den Kombucha-Pilz warm und gesund!'],
  ['ja', '菌が沈まないように、瓶は静かに置いておきます。'],
  ['ja', '紅茶キノコの瓶は、布をかけて暗い場所に置いてくださいね！'],
  ['zh', '希望喝到更酸的红茶菌，就多发酵两天。'],
];

describe('a closing wish by its optative form', () => {
  for (const [lang, wish] of WISHES) {
    it(`is no point (${lang}: ${wish})`, () => {
      const points = pointsOfNote(lang, `${BODY[lang]}\n\n${wish}`);
      expect(points).not.toContain(wish);
      expect(points.length).toBe(2);
    });
  }
});

describe('a closing statement in the same words', () => {
  for (const [lang, statement] of STATEMENTS) {
    it(`stays a point (${lang}: ${statement})`, () => {
      expect(pointsOfNote(lang, `${BODY[lang]}\n\n${statement}`)).toContain(statement);
    });
  }
});
