/**
 * A sign-off offering more is told by its form: a condition on the reader's wish with the writer
 * offering, or asking to be told ("Si quieres, te mando…", "需要…的话告诉我", "…たければ、教えてくださいね").
 * It is no point, and the note's own sentences keep their places (issue 23, item 5). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a sign-off offering more', () => {
  const cases: Array<[string, string, string, string]> = [
    ['es', 'Un índice B-tree acelera las búsquedas por rango en PostgreSQL.', 'Con fillfactor=90 cada página deja un diez por ciento libre para actualizaciones.', 'Si quieres, te mando un script de prueba con pgbench.'],
    ['es', 'Un índice B-tree acelera las búsquedas por rango en PostgreSQL.', 'Con fillfactor=90 cada página deja un diez por ciento libre para actualizaciones.', 'Si te interesa comparar otros índices, dime y lo vemos.'],
    ['zh', '布隆过滤器用固定的空间回答成员查询。', '误判率随着插入元素的增加而上升。', '想看看代码实现的话留言告诉我～'],
    ['zh-Hant', '布隆過濾器用固定的空間回答成員查詢。', '誤判率隨著插入元素的增加而上升。', '如果想了解其他資料結構，私訊跟我說，我再幫你寫一篇！'],
    ['ja', 'ブルームフィルタは一定の領域で所属判定に答えます。', '要素を入れるほど偽陽性の率は上がります。', '実装例が見たければ、気軽に教えてくださいね。'],
    ['ja', 'ブルームフィルタは一定の領域で所属判定に答えます。', '要素を入れるほど偽陽性の率は上がります。', 'よかったら、Python の実装もまとめますよ。'],
    ['ar', 'يجيب مرشح بلوم عن أسئلة الانتماء بمساحة ثابتة.', 'يرتفع معدل الإيجابيات الخاطئة كلما أضفنا عناصر أكثر.', 'إذا أردت، بإمكاني أن أشرح لك طريقة التنفيذ بلغة Python.'],
  ];
  for (const [lang, first, second, offer] of cases) {
    it(`is no point, and the note's sentences stay (${lang}: ${offer})`, () => {
      const points = pointsOf(lang, [first, second, offer].join('\n\n'));
      expect(points).toEqual([first, second]);
    });
  }

  it('stays when the condition is a need and the rest an instruction', () => {
    const body = 'Un índice B-tree acelera las búsquedas por rango.\n\nSi lo necesitas, ejecuta REINDEX después de una carga masiva.';
    expect(pointsOf('es', body)).toContain('Si lo necesitas, ejecuta REINDEX después de una carga masiva.');
    expect(pointsOf('ja', 'ブルームフィルタは一定の領域で所属判定に答えます。\n\n必要なら、ハッシュ関数の数を増やします。')).toContain('必要なら、ハッシュ関数の数を増やします。');
  });
});
