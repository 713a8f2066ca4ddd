/**
 * A short exclamation that frames news ("Good news, …", "Finally, …", "好消息，…") states what
 * happened: it is a point, as the same statement without "!" would be. Cheers, wishes, thanks and
 * replies of the same length ("Happy coding!", "Good luck with your exam!", "Great question!") stay
 * out (issue 23, F12: any exclamation of up to 8 words was dropped, the release it announced with
 * it). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

/** Each note's news sentence, the news in it (what a point must keep), then the rest of the note. */
const release = {
  en: ['Good news, the new version is finally out!', 'the new version is finally out!', 'It adds an offline mode and fixes the sync errors.', 'Upgrade with `npm update tidy-notes` when you are ready.'],
  zh: ['好消息，我们的新版本终于发布了！', '我们的新版本终于发布了！', '新版本支持离线模式，并修复了同步错误。', '升级方法：运行 `npm update tidy-notes`。'],
  es: ['¡Por fin, la versión 3 ya está disponible!', 'la versión 3 ya está disponible!', 'Incluye modo sin conexión y corrige los errores de sincronización.', 'Actualiza con `npm update tidy-notes` cuando quieras.'],
  de: ['Gute Nachricht: Version 3 ist endlich erschienen!', 'Version 3 ist endlich erschienen!', 'Sie bringt einen Offline-Modus und behebt die Synchronisationsfehler.', 'Aktualisiert wird mit `npm update tidy-notes`.'],
} as const;

describe('a short exclamation announcing news', () => {
  it.each(Object.entries(release))('%s: the news is a point, with or without its frame', (lang, [sentence, news, ...rest]) => {
    const point = (pointsOfNote(lang, [sentence, ...rest].join('\n\n'))[0] ?? '').toLowerCase();
    expect(point.endsWith(news.toLowerCase()) && sentence.toLowerCase().endsWith(point)).toBe(true);
  });

  it('zh: a frame joined to its news without a comma (an emoji shortcode between them) is news too', () => {
    const points = pointsOfNote('zh', '好消息:tada:我们的新版本终于发布了！\n\n新版本支持离线模式，并修复了同步错误。\n\n升级方法：运行 `npm update tidy-notes`。');
    expect(points[0]).toBe('好消息我们的新版本终于发布了！');
  });

  // Guards: these pass on main too, and must keep passing.
  it.each([
    ['en', 'Great question, and a very common one!'],
    ['en', 'Good luck with your exam!'],
    ['en', 'Finally, good luck with your exam!'],
    ['en', 'Happy coding, everyone!'],
    ['zh', '好问题！'],
    ['zh', '加油！'],
    ['de', 'Viel Spaß beim Ausprobieren!'],
  ] as const)('%s: %s is no point', (lang, cheer) => {
    const body = lang === 'zh'
      ? `${cheer}\n\n缓存把常用数据放在更快的存储里，读取因此更快。\n\n缓存里的数据会过期，需要定期刷新。`
      : lang === 'de'
        ? `Ein Cache hält häufig gelesene Daten in schnellerem Speicher, damit Lesezugriffe schneller werden.\n\nDaten im Cache veralten und müssen regelmäßig erneuert werden.\n\n${cheer}`
        : `A cache keeps often-read data in faster storage so that reads return sooner.\n\nData in a cache goes stale and has to be refreshed on a schedule.\n\n${cheer}`;
    const points = pointsOfNote(lang, body);
    expect(points.length).toBeGreaterThan(0);
    expect(points.join('\n')).not.toContain(cheer.replace(/[!！]$/u, ''));
  });
});
