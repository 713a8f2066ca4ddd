/**
 * A closing offer is a question by its form, with or without its "?" ("Should I add the retry case
 * next.", "要不要我再加一个重试的例子呢"): no key point (issue 23, F25). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a closing offer without its question mark', () => {
  const cases: Array<[string, string, string, string]> = [
    ['en', 'A bloom filter answers membership queries in constant space.', 'False positives are possible, false negatives are not.', 'Should I add the counting variant next.'],
    ['en', 'A bloom filter answers membership queries in constant space.', 'False positives are possible, false negatives are not.', 'Would you like me to compare it with a cuckoo filter'],
    ['zh', '布隆过滤器用固定的空间回答成员查询。', '它可能误报，但不会漏报。', '要不要我再加一个计数布隆过滤器的例子呢'],
    ['zh-Hant', '布隆過濾器用固定的空間回答成員查詢。', '它可能誤報，但不會漏報。', '需要我再補充計數版本的說明嗎。'],
    ['ja', 'ブルームフィルタは一定の領域で所属判定に答えます。', '偽陽性はありえますが、偽陰性はありません。', 'カウンティング版の例も追加しましょうか。'],
    ['fr', 'Un filtre de Bloom répond aux requêtes d’appartenance en espace constant.', 'Les faux positifs sont possibles, les faux négatifs non.', 'Veux-tu que j’ajoute la variante à compteurs.'],
    ['es', 'Un filtro de Bloom responde consultas de pertenencia en espacio constante.', 'Los falsos positivos son posibles, los falsos negativos no.', '¿Quieres que añada la variante con contadores.'],
  ];
  for (const [lang, first, second, offer] of cases) {
    it(`is no point (${lang}: ${offer})`, () => {
      const points = pointsOf(lang, [first, second, offer].join('\n\n'));
      expect(points[0]).toBe(first);
      expect(points.join('\n')).not.toContain(offer.slice(0, 6));
    });
  }

  it('a statement that only holds such words stays', () => {
    const points = pointsOf('en', 'A bloom filter answers membership queries in constant space.\n\nShould it overflow, the filter is rebuilt with twice the bits.');
    expect(points).toContain('Should it overflow, the filter is rebuilt with twice the bits.');
    expect(pointsOf('fr', 'Un filtre de Bloom répond en espace constant.\n\nAssurez-vous que le filtre est reconstruit chaque nuit.')).toContain('Assurez-vous que le filtre est reconstruit chaque nuit.');
    expect(pointsOf('zh', '布隆过滤器用固定的空间回答成员查询。\n\n他还在重建过滤器呢。')).toContain('他还在重建过滤器呢。');
  });
});
