/**
 * A line about the note that lists, after its colon, the parts the note then takes one by one ("This
 * post looks at three tools: a, b and c", each said again below) is the note's outline: a point, though
 * each part is said only twice (issue 23, F1). One whose listed words the note never comes back to stays
 * out. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const NOTES: Array<[string, string, string, string, string]> = [
  [
    'en',
    'A garden shed fills up faster than anyone plans for.',
    'This post looks at three tools: pegboard walls, ceiling hooks and stackable crates.',
    'This post is a short guide on a dusty subject: history, myths and folklore.',
    'Pegboard walls keep small tools in sight. Ceiling hooks hold bikes and ladders out of the way. Stackable crates sort seeds, gloves and twine by season.',
  ],
  [
    'es',
    'Un cobertizo de jardín se llena antes de lo que uno prevé.',
    'Este artículo repasa tres recursos: paneles perforados, ganchos de techo y cajas apilables.',
    'Esta nota es una guía breve sobre un tema polvoriento: historia, mitos y leyendas.',
    'Los paneles perforados dejan las herramientas pequeñas a la vista. Los ganchos de techo sostienen bicicletas y escaleras. Las cajas apilables ordenan semillas, guantes y cuerda por estación.',
  ],
  [
    'zh',
    '花园小屋总是比预想的更快堆满。',
    '本文介绍三种工具：洞洞板墙、天花板挂钩和叠放收纳箱。',
    '本文是一篇简短的随笔：历史、传说和民谣。',
    '洞洞板墙让小工具一目了然。天花板挂钩把自行车和梯子挂到高处。叠放收纳箱按季节整理种子、手套和麻绳。',
  ],
];

describe('a line about the note listing its parts after a colon', () => {
  for (const [lang, first, overview, , body] of NOTES) {
    it(`is a point when the note comes back to the parts it lists (${lang})`, () => {
      expect(pointsOf(lang, `${first}\n\n${overview}\n\n${body}`)).toContain(overview);
    });
  }

  for (const [lang, first, , aboutNote, body] of NOTES) {
    it(`is no point when the note never comes back to what it lists (${lang})`, () => {
      expect(pointsOf(lang, `${first}\n\n${aboutNote}\n\n${body}`)).not.toContain(aboutNote);
    });
  }
});
