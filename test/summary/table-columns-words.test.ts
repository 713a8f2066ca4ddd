/**
 * A comparison in words whose corner names what its columns are ("| Brewer | French press | AeroPress |
 * …"): its subjects are the columns when a row repeats a value ("easy · easy") and no column does, so
 * each row names whose each value is and the subjects lead, as under an empty corner (README; tester
 * 21-2 F13: "Support: email · chat · phone" lost the plans). A table of records, a value repeated
 * down a column ("yes" under "Terminal"), keeps its rows as the subjects. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const BY_COLUMN: Array<[lang: string, body: string, subjects: string, row: RegExp]> = [
  [
    'en',
    '| Brewer | French press | AeroPress | Pour-over |\n|---|---|---|---|\n| Grind | coarse | fine | medium |\n| Cleanup | messy | easy | easy |\n| Body | heavy | light | light |',
    'French press, AeroPress, Pour-over',
    /^(?:Grind|Cleanup|Body): French press \S+ · AeroPress \S+ · Pour-over \S+$/u,
  ],
  [
    'zh',
    '| 会员 | 普通 | 高级 | 家庭 |\n|---|---|---|---|\n| 画质 | 标清 | 高清 | 高清 |\n| 广告 | 有 | 无 | 无 |\n| 下载 | 不支持 | 支持 | 支持 |',
    '普通、高级、家庭',
    /^(?:画质|广告|下载)：普通 \S+ · 高级 \S+ · 家庭 \S+$/u,
  ],
];

describe('a table in words whose columns are its subjects under a named corner', () => {
  for (const [lang, body, subjects, row] of BY_COLUMN) {
    it(`names its columns, and each row says whose each value is (${lang})`, () => {
      const points = pointsOfNote(lang, body);
      expect(points[0]).toMatch(new RegExp(`^${subjects}(?: — |$)`, 'u'));
      const rows = points.slice(1);
      expect(rows.length).toBeGreaterThan(0);
      for (const p of rows) expect(p).toMatch(row);
    });
  }

  it('keeps a table of records by its rows when a value repeats down a column', () => {
    const points = pointsOfNote('en', '| Editor | Terminal | Plugin language |\n|---|---|---|\n| Vim | yes | Vimscript |\n| Emacs | yes | Emacs Lisp |\n| VS Code | no | TypeScript |');
    expect(points.some((p) => p.startsWith('Terminal, Plugin language'))).toBe(false);
    expect(points.some((p) => /Terminal yes/u.test(p))).toBe(false);
  });
});
