/**
 * A chat's sign-off inviting more questions ("还有什么问题随时问我", ask me any time) is the writer
 * offering help, as "let me" is: no point, in Chinese as in English (issue 23, F4: it took a zh
 * dialogue's last place). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const dialogue = (lang: 'zh' | 'hant', signOff: string) =>
  lang === 'zh'
    ? `我：缓存是什么？\n\n助手：当然！缓存是把常用数据放在更快的存储里的一种做法，类似把常用的书放在手边。\n\n我：那为什么不把所有数据都放进缓存？\n\n助手：好问题！因为内存比磁盘贵得多，而且缓存里的数据会过期。\n\n我：明白了，谢谢！\n\n助手：不客气！${signOff}`
    : `我：快取是什麼？\n\n助手：當然！快取是把常用資料放在更快的儲存裡的一種做法，類似把常用的書放在手邊。\n\n我：那為什麼不把所有資料都放進快取？\n\n助手：好問題！因為記憶體比磁碟貴得多，而且快取裡的資料會過期。\n\n我：明白了，謝謝！\n\n助手：不客氣！${signOff}`;

describe('a dialogue signing off with an invitation to ask', () => {
  it.each([
    ['zh', '还有什么问题随时问我。'],
    ['zh', '有不懂的地方欢迎随时来问我！'],
    ['zh', '其他问题也尽管问我。'],
    ['hant', '還有什麼問題隨時問我。'],
  ] as const)('%s: %s is no point, the answers are', (lang, signOff) => {
    const points = pointsOfNote(lang, dialogue(lang, signOff));
    expect(points.join('\n')).not.toMatch(/[问問]我/u);
    expect(points.join('\n')).toMatch(/(?:因为|因為)(?:内存|記憶體)/u);
  });
});
