/**
 * A reply's opening sentence that judges the question it answers is no key point, told by its
 * structure (the question as the subject or what the subject is said to be), not by its words; a
 * sentence of substance about a question or a problem stays (issue 23, F04). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const substance: Record<string, string> = {
  en: 'Nightly rebuilds keep the search index small on a modest server.',
  fr: 'Les reconstructions nocturnes gardent l’index de recherche petit sur un serveur modeste.',
  zh: '每晚重建可以让搜索索引在小服务器上保持精简。',
  ja: '毎晩の再構築で、小さなサーバーでも検索インデックスを小さく保てます。',
};

describe('an opening sentence judging the question', () => {
  const cases: Array<[string, string]> = [
    ['en', 'That is a genuinely thoughtful question, since indexes grow quietly over the years.'],
    ['fr', 'C’est une question que se posent beaucoup d’administrateurs, et elle tombe à point.'],
    ['zh', '这个问题问得很到位，不少运维团队都讨论过。'],
    ['ja', 'これは多くの管理者が悩んできた、とても鋭い質問です。'],
  ];
  for (const [lang, opening] of cases) {
    it(`is no key point (${lang})`, () => {
      const points = pointsOf(lang, `${opening}\n\n${substance[lang]!}`);
      expect(points).toContain(substance[lang]);
      expect(points.filter((p) => p.startsWith(opening.slice(0, 6)))).toEqual([]);
    });
  }

  it('stays where the question or problem is the note’s subject', () => {
    const kept: Array<[string, string]> = [
      ['en', 'It is a question of trade-offs between rebuild time and index size.'],
      ['en', 'The question is whether the index fits in memory at all.'],
      ['zh', '这个问题的根源在于索引从不清理旧条目。'],
      ['ja', 'この問題は古いエントリが削除されないことが原因です。'],
    ];
    for (const [lang, said] of kept) expect(pointsOf(lang, `${said}\n\n${substance[lang]!}`)).toContain(said);
  });
});
