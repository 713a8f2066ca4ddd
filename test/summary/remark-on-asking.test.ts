/**
 * A sentence about the question being asked, not what it asks ("这个问题经常有人问。", "This question
 * comes up all the time.", "この質問はよく聞かれます。"), is filler by structure (a verb of asking with
 * the question as what it speaks of): it never opens the summary (issue 23, tester round 18: F9). Notes
 * written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';
import { remarksOnTheAsking } from '../../src/summary/question-praise.js';

// Notes naming few terms twice, where the opening sentence leads whatever it names.
const cases: [lang: string, remark: string, body: string][] = [
  ['zh', '这个问题很多朋友都问过。', '买登山鞋主要看三点。\n\n## 大底选哪种？\n\n走碎石路的话，耐磨的橡胶大底就够了。\n\n## 要不要防水？\n\n要。雨季上山时脚湿了容易起泡。\n\n## 多重合适？\n\n一只 600 克以内，走一整天也不累。\n\n希望对你有帮助！'],
  ['ja', 'この質問は多くの方から聞かれます。', '登山靴を買うときのポイントは三つです。\n\n## 靴底は？\n\n砂利道を歩くなら、すり減りにくいゴム底で十分です。\n\n## 防水は必要？\n\n必要です。雨の季節に足が濡れるとまめができやすいからです。\n\n## 重さは？\n\n片方 600 グラム以内なら一日歩いても疲れません。'],
  ['en', 'This question comes up all the time.', 'Picking hiking boots comes down to three things.\n\n## Which sole?\n\nChoose a Vibram sole for grip.\n\n## Which lining?\n\nA Gore-Tex lining keeps rain out.\n\n## How heavy?\n\nUnder 600 grams a boot.'],
];

describe('a remark on the asking', () => {
  for (const [lang, remark, body] of cases) {
    it(`is no point (${lang})`, () => {
      const points = pointsOfNote(lang, `${lang === 'en' ? '' : lang === 'zh' ? '对，' : 'はい、'}${remark}${lang === 'en' ? ' ' : ''}${body}`);
      expect(points.some((p) => p.includes(remark))).toBe(false);
      expect(points.length).toBeGreaterThan(2);
    });
  }

  it('leaves a sentence about asking that says something of the subject', () => {
    const points = pointsOfNote('en', 'Ask the shop to measure both feet before you buy hiking boots.\n\nChoose a Vibram sole for grip and a Gore-Tex lining against rain.');
    expect(points[0]).toBe('Ask the shop to measure both feet before you buy hiking boots.');
  });

  it('is told by a verb of asking with the question as its subject, never by a generic verb or a named subject', () => {
    expect(remarksOnTheAsking('Lots of readers ask this.', 'en')).toBe(true);
    expect(remarksOnTheAsking('Diese Frage wird oft gestellt.', 'de')).toBe(true);
    expect(remarksOnTheAsking('Ambos lo hacen bien.', 'es')).toBe(false); // "hacen" asks nothing
    expect(remarksOnTheAsking('这里整理了大家最常问的 Docker 问题。', 'zh')).toBe(false); // names its subject: an overview
  });
});
