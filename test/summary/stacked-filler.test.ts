/**
 * A reply's openings stack ("Yes — great point, …", "是的，你说得没错，…"): every layer of filler goes,
 * not only the first, and the substance after the last stays (issue 23, F1). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('filler openings stacked one on another', () => {
  const cases: Array<[string, string, string]> = [
    ['en', 'Yes — great point, the cache is flushed every hour by a cron job.', 'The cache is flushed every hour by a cron job.'],
    ['es', 'Claro, tienes razón, la caché se vacía cada hora con una tarea cron.', 'La caché se vacía cada hora con una tarea cron.'],
    ['de', 'Genau, da hast du recht, der Cache wird jede Stunde von einem Cronjob geleert.', 'Der Cache wird jede Stunde von einem Cronjob geleert.'],
    ['zh', '是的，你说得没错，缓存每小时由定时任务清空一次。', '缓存每小时由定时任务清空一次。'],
    ['ja', 'はい、ご指摘のとおりです、キャッシュは毎時cronジョブで消去されます。', 'キャッシュは毎時cronジョブで消去されます。'],
  ];
  for (const [lang, said, substance] of cases) {
    it(`all go, and the substance stays (${lang}: ${said.slice(0, 20)}…)`, () => {
      const points = pointsOf(lang, `${said}\n\nThe job takes about ten minutes on a small server.`);
      expect(points[0]).toBe(substance);
    });
  }

  it('a single filler still leaves the sentence whole after it', () => {
    expect(pointsOf('en', 'Sure, the cache is flushed every hour by a cron job.\n\nThe job takes about ten minutes.')[0]).toBe('The cache is flushed every hour by a cron job.');
  });
});
