/**
 * No "and and", ",," or dangling "and," where a point joins pieces of the note: list items that
 * carry the writer's sentence across the list ("- a map, and"), struck text left out of a plain
 * point, a link that is only an image (issue 23, the tester's round after stop 39). Notes written
 * for this test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointText } from '../../src/summary/inline.js';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const DOUBLED = /(?<!\p{L})(\p{L}+)\s+\1(?!\p{L})|[,，、]\s*[,，、]|(?:,|、)\s*(?:and|or|et|ou|y|und|或)(?:,|、|$)/iu;

describe('a list whose items run the writer’s sentence on', () => {
  const cases: Array<[string, string, string[], string]> = [
    ['en', 'A day hike needs little, but the little matters.\n\nPack these:', ['water,', 'a map, and', 'sunscreen, or', 'a rain jacket.'], 'Pack these: water, a map, sunscreen, a rain jacket'],
    ['fr', 'Une randonnée d’un jour demande peu, mais ce peu compte.\n\nÀ emporter :', ['de l’eau,', 'une carte, et', 'une veste de pluie.'], 'À emporter : de l’eau, une carte, une veste de pluie'],
    ['zh', '一日徒步需要的东西不多，但每一样都很重要。\n\n必带物品：', ['两升饮用水、', '纸质地图、或', '一件轻便雨衣。'], '必带物品：两升饮用水、纸质地图、一件轻便雨衣'],
  ];
  for (const [lang, before, items, expected] of cases) {
    it(`is compacted without the joins (${lang})`, () => {
      const points = pointsOf(lang, `${before}\n\n${items.map((i) => `- ${i}`).join('\n')}`);
      expect(points).toContain(expected);
      expect(points.filter((p) => DOUBLED.test(p))).toEqual([]);
    });
  }
});

describe('a list item that ends on a word of its own after a comma (issue 23, F02/F17)', () => {
  const cases: Array<[string, string, string, string[], string[]]> = [
    ['en', 'What the boat locker holds:', '- rope, knots\n- oars, paddles\n- flares, horn', ['rope', 'oars', 'flares'], ['knots', 'paddles', 'horn']],
    ['ar', 'ما في صندوق القارب:', '- حبل، زيت\n- مصباح، شاي\n- خريطة، تمر', ['حبل', 'مصباح', 'خريطة'], ['زيت', 'شاي', 'تمر']],
    ['en', 'The editors compared:', '- **Vim**: fast, free\n- **Emacs**: deep, free\n- **Sublime**: quick, paid', ['fast', 'quick'], ['free', 'paid']],
  ];
  for (const [lang, lead, list, kept, lost] of cases) {
    it(`keeps that word (${lang}: ${lost.join(', ')})`, () => {
      const text = pointsOf(lang, `${lead}\n\n${list}`).join('\n');
      for (const word of [...kept, ...lost]) expect(text).toContain(word);
    });
  }
  it('drops a conjunction that ends an item with no comma before it, never doubling it ("sugar and", "butter and", "and milk")', () => {
    const points = pointsOf('en', 'The list for the picnic is short and includes:\n\n- bread\n- cheese and\n- plums, pears and\n- and lemonade');
    expect(points).toContain('The list for the picnic is short and includes: bread, cheese, plums, pears, and lemonade');
    expect(points.filter((p) => DOUBLED.test(p))).toEqual([]);
  });
});

describe('struck text left out of a plain point', () => {
  it('leaves the word around it once', () => {
    expect(pointText([{ text: 'bold and ' }, { text: 'strike', style: 'del' }, { text: ' and code' }])).toBe('bold and code');
    expect(pointText([{ text: 'A, ' }, { text: 'B', style: 'del' }, { text: ', C' }])).toBe('A, C');
    expect(pointText([{ text: '甲和' }, { text: '乙', style: 'del' }, { text: '和丙' }])).toBe('甲和丙');
    // Only the same word on both sides: "band and" is no doubled "and".
    expect(pointText([{ text: 'a band ' }, { text: 'x', style: 'del' }, { text: ' and more' }])).toBe('a band and more');
  });

  it('never doubles a word or separator, whatever is struck', () => {
    const word = fc.constantFrom('and', 'or', 'et', 'und', 'y', 'tea', 'code');
    const sep = fc.constantFrom(' ', ', ');
    fc.assert(
      fc.property(word, sep, fc.stringMatching(/^[a-z]{1,8}$/), (w, s, struck) => {
        const text = pointText([{ text: `first ${w}${s}` }, { text: struck, style: 'del' }, { text: `${s}${w} last` }]);
        expect(text).not.toMatch(DOUBLED);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a link that is only an image', () => {
  it('is named by its alt text', () => {
    const points = pointsOf('en', 'The site is a static blog.\n\nBuilt with [![Jekyll](https://img.shields.io/j.svg)](https://jekyllrb.com) and [![Netlify](https://img.shields.io/n.svg)](https://netlify.com), the site deploys on every push and rebuilds nightly.');
    expect(points).toContain('Built with Jekyll and Netlify, the site deploys on every push and rebuilds nightly.');
  });
});
