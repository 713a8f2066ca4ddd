/**
 * A note that opens with the writer offering to explain ("Let me explain this briefly.", "让我简单说说。",
 * "ざっくり説明しますね。", "Laisse-moi te résumer ça.") speaks of the answer, not its subject: no key
 * point, by the same rule in every language (issue 23, F24). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a meta line opening the note', () => {
  const cases: Array<[string, string, string, string]> = [
    ['en', 'Let me explain this briefly.', 'A bloom filter answers membership queries in constant space.', 'False positives are possible, false negatives are not.'],
    ['zh', '让我简单说说。', '布隆过滤器用固定的空间回答成员查询。', '它可能误报，但不会漏报。'],
    ['zh-Hant', '讓我簡單說明一下。', '布隆過濾器用固定的空間回答成員查詢。', '它可能誤報，但不會漏報。'],
    ['ja', 'ざっくり説明しますね。', 'ブルームフィルタは一定の領域で所属判定に答えます。', '偽陽性はありえますが、偽陰性はありません。'],
    ['fr', 'Laisse-moi te résumer ça rapidement.', 'Un filtre de Bloom répond aux requêtes d’appartenance en espace constant.', 'Les faux positifs sont possibles, les faux négatifs non.'],
    ['es', 'Déjame resumirlo rápido.', 'Un filtro de Bloom responde consultas de pertenencia en espacio constante.', 'Los falsos positivos son posibles, los falsos negativos no.'],
    ['de', 'Lass mich das kurz zusammenfassen.', 'Ein Bloom-Filter beantwortet Mitgliedschaftsfragen mit konstantem Speicher.', 'Falsch-positive Antworten sind möglich, falsch-negative nicht.'],
    ['hi', 'मैं इसे संक्षेप में बताता हूँ।', 'ब्लूम फ़िल्टर स्थिर मेमोरी में सदस्यता के प्रश्नों का उत्तर देता है।', 'गलत सकारात्मक उत्तर संभव हैं, गलत नकारात्मक नहीं।'],
    ['ar', 'دعني ألخص ذلك باختصار.', 'يجيب مرشح بلوم عن أسئلة الانتماء بمساحة ثابتة.', 'النتائج الإيجابية الخاطئة ممكنة، أما السلبية الخاطئة فلا.'],
  ];
  for (const [lang, meta, first, second] of cases) {
    it(`is no point, and the statement after it leads (${lang}: ${meta})`, () => {
      const points = pointsOf(lang, [meta, first, second].join('\n\n'));
      expect(points[0]).toBe(first);
      expect(points).not.toContain(meta);
    });
  }

  it('stays when "we" name the parts the note covers, or "me" is in a statement of fact', () => {
    expect(pointsOf('zh', '让我们依次介绍 DFS、BFS 和 Dijkstra 算法。\n\n每种算法遍历图的方式都不同。')[0]).toBe('让我们依次介绍 DFS、BFS 和 Dijkstra 算法。');
    expect(pointsOf('zh', '这个错误让我花了两个小时才找到原因。\n\n原因是缓存没有清空。')[0]).toBe('这个错误让我花了两个小时才找到原因。');
    expect(pointsOf('ja', 'この関数は引数を二つ受け取ります。\n\n戻り値は文字列です。')[0]).toBe('この関数は引数を二つ受け取ります。');
  });
});
