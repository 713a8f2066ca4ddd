/**
 * A point joins the note's words with the punctuation of their script: 、 and ： in Chinese and
 * Japanese, ، in Arabic, never an ASCII ", " between Han characters; the writer's own colon kept
 * (issue 23, the tester's round after stop 39). Notes written for this test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactNames } from '../../src/summary/lists.js';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const hike: Record<string, { opening: string; lead: string; items: string[]; expected: string }> = {
  zh: { opening: '一日徒步需要的东西不多，但每一样都很重要。', lead: '必带物品：', items: ['两升饮用水', '纸质地图', '防晒霜', '一件轻便雨衣'], expected: '必带物品：两升饮用水、纸质地图、防晒霜、一件轻便雨衣' },
  'zh-Hant': { opening: '一日健行需要的東西不多，但每一樣都很重要。', lead: '必帶物品：', items: ['兩公升飲用水', '紙本地圖', '防曬乳', '一件輕便雨衣'], expected: '必帶物品：兩公升飲用水、紙本地圖、防曬乳、一件輕便雨衣' },
  ja: { opening: '日帰り登山に必要なものは少ないですが、どれも大切です。', lead: '持ち物リスト：', items: ['2リットルの水', '紙の地図', '日焼け止め', '軽い雨具'], expected: '持ち物リスト：2リットルの水、紙の地図、日焼け止め、軽い雨具' },
  ar: { opening: 'رحلة المشي ليوم واحد تحتاج القليل، لكن هذا القليل مهم جدا.', lead: 'أشياء يجب حملها:', items: ['لتران من الماء', 'خريطة ورقية للمسار', 'واقي الشمس', 'سترة خفيفة للمطر'], expected: 'أشياء يجب حملها: لتران من الماء، خريطة ورقية للمسار، واقي الشمس، سترة خفيفة للمطر' },
  en: { opening: 'A day hike needs little, but the little matters.', lead: 'Pack these:', items: ['two litres of water', 'a paper map', 'sunscreen', 'a light rain jacket'], expected: 'Pack these: two litres of water, a paper map, sunscreen, a light rain jacket' },
};

describe('a compacted list', () => {
  for (const [lang, { opening, lead, items, expected }] of Object.entries(hike)) {
    it(`is joined in its script (${lang})`, () => {
      const points = pointsOf(lang, `${opening}\n\n${lead}\n\n${items.map((i) => `- ${i}`).join('\n')}`);
      expect(points).toContain(expected);
    });
  }

  it('of Han names never holds ", " nor ": "', () => {
    const han = fc.stringMatching(/^[\u4e00-\u9fa5]{1,6}$/);
    fc.assert(
      fc.property(fc.oneof(fc.constant(''), han), fc.array(han, { minLength: 2, maxLength: 30 }), (lead, names) => {
        const compact = compactNames(lead, names, 200);
        if (compact !== undefined) expect(compact).not.toMatch(/, |: /);
      }),
      { numRuns: 200 },
    );
  });

  it('of Latin names under a Chinese lead-in is joined as Chinese is', () => {
    expect(compactNames('常用数据库', ['Redis', 'PostgreSQL', 'SQLite'], 200)).toBe('常用数据库：Redis、PostgreSQL、SQLite');
  });

  it('follows the note’s language where it has one', () => {
    expect(compactNames('DeepSeek', ['輸入', '輸出'], 200, undefined, 'zh-Hant')).toBe('DeepSeek：輸入、輸出');
    expect(compactNames('', ['Redis', 'SQLite'], 200, undefined, 'zh')).toBe('Redis、SQLite');
    expect(compactNames('Classics', ['月亮代表我的心 - Teresa Teng', '千言万语'], 200, undefined, 'en')).toBe('Classics: 月亮代表我的心 - Teresa Teng, 千言万语');
    expect(compactNames('', ['الهياكل', 'Option', 'Result'], 200, undefined, 'ar')).toBe('الهياكل، Option، Result');
  });

  it('of names holding commas is set apart by semicolons in Chinese', () => {
    expect(compactNames('要点', ['温度，湿度', '风速', '气压'], 200)).toBe('要点：温度，湿度；风速；气压');
  });

  it('of names holding commas is set apart by the Arabic semicolon in Arabic (tester F20)', () => {
    const points = pointsOf('ar', 'المحطات على طول خط القطار:\n\n- الأقصر، مدينة المعابد\n- إدفو، معبد حورس\n- أسوان، عند السد العالي');
    expect(points).toContain('المحطات على طول خط القطار: الأقصر، مدينة المعابد؛ إدفو، معبد حورس؛ أسوان، عند السد العالي');
  });
});

describe('a lead-in with its command', () => {
  it('takes a colon in place of its full stop (the tester’s "次の通りです。：")', () => {
    const points = pointsOf('ja', 'ディスクの使用量を調べるコマンドは次の通りです。\n\n```sh\ndf -h\n```\n\nディレクトリごとの使用量を見るには、次のコマンドを実行します。\n\n```sh\ndu -sh *\n```');
    expect(points).toEqual(['ディスクの使用量を調べるコマンドは次の通りです：df -h', 'ディレクトリごとの使用量を見るには、次のコマンドを実行します：du -sh *']);
  });

  it('labels a Latin name before Japanese with ：', () => {
    const table = '| 言語 | 型 | 用途 |\n|---|---|---|\n| Rust | 静的 | システム |\n| Go | 静的 | サーバー |\n| Python | 動的 | データ分析 |';
    expect(pointsOf('ja', table)).toContain('Rust：静的 · システム');
  });

  it('keeps a French space before its colon', () => {
    const points = pointsOf('fr', 'Une tâche suspendue dans zsh se reprend facilement.\n\nReprenez-la au premier plan, elle reprendra le terminal :\n\n```sh\nfg\n```');
    expect(points).toContain('Reprenez-la au premier plan, elle reprendra le terminal : fg');
  });

  it('takes a full-width colon after Chinese', () => {
    const points = pointsOf('zh', 'zsh 中暂停的任务很容易恢复。\n\n列出所有后台任务以确认目标任务存在:\n\n```sh\njobs\n```');
    expect(points).toContain('列出所有后台任务以确认目标任务存在：jobs');
  });
});
