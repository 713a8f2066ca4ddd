/**
 * A Japanese or Chinese reply clause before a comma goes though the sentence after it holds a
 * conjunction character inside a word ("ごと", "とき", "和"): a clause is no series of names (issue 23,
 * F6; the README names "おっしゃる通りです" as dropped). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';
import { endsSeries } from '../../src/summary/punctuation.js';

describe('a CJK reply clause before a sentence holding と or 和', () => {
  const cases: Array<[string, string, string]> = [
    ['ja', 'おっしゃる通りです、ログはサービスごとに分けて保存するべきです。', 'ログはサービスごとに分けて保存するべきです。'],
    ['ja', 'ご指摘のとおりです、再起動するときはキャッシュが消えます。', '再起動するときはキャッシュが消えます。'],
    ['zh', '你说得没错，日志应该按服务分开保存，并且和监控一起查看。', '日志应该按服务分开保存，并且和监控一起查看。'],
  ];
  for (const [lang, said, substance] of cases) {
    it(`goes, and the substance stays (${lang}: ${said.slice(0, 12)}…)`, () => {
      expect(pointsOf(lang, `${said}\n\nThe job takes about ten minutes on a small server.`)[0]).toBe(substance);
    });
  }

  it('a series of short names still ends a series', () => {
    expect(endsSeries('MySQL 或 SQLite。')).toBe(true);
    expect(endsSeries('webpack 和 esbuild。')).toBe(true);
    expect(endsSeries('ミューテックスとセマフォ。')).toBe(true);
    expect(endsSeries('ログはサービスごとに分けて保存するべきです。')).toBe(false);
  });
});

describe('a Chinese opening clause of "we" (我们) before an enumeration comma', () => {
  it('is the note\'s substance and stays whole', () => {
    const said = '拆开我们每天的选择、计划与遗憾的表层，就会发现习惯构成了几乎所有行为的基础。';
    expect(pointsOf('zh', `${said}\n\n习惯的形成大约需要两个月。`)[0]).toBe(said);
  });
});
