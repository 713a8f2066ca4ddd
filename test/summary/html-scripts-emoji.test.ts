/**
 * What a chat cannot show as the blog does: HTML superscripts and subscripts read as raised and
 * lowered characters (never "x2" for x²), GitHub-style emoji shortcodes dropped (never ":rocket:"),
 * an operator's name apart from the letters before it ("2ab cos γ") (issue 23, the tester's round
 * after stop 39). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { scriptedText } from '../../src/summary/sup-sub.js';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const opening = 'Areas and volumes grow at different rates as a shape is scaled up.';

describe('<sup> and <sub>', () => {
  it('read as raised and lowered characters in a paragraph', () => {
    const points = pointsOf('en', `${opening} A square of side x has area x<sup>2</sup> and a cube of side x has volume x<sup>3</sup>, while water is H<sub>2</sub>O.`);
    expect(points).toContain('A square of side x has area x² and a cube of side x has volume x³, while water is H₂O.');
  });

  it('read so in a raw HTML block too', () => {
    const points = pointsOf('en', `${opening}\n\n<p>The volume of a cube of side x is x<sup>3</sup>, and its face diagonal is x√2.</p>`);
    expect(points).toContain('The volume of a cube of side x is x³, and its face diagonal is x√2.');
  });

  it('keep an ordinal after a figure, and mark what Unicode cannot raise', () => {
    expect(scriptedText('sup', 'st', 'the 1')).toBe('st');
    expect(scriptedText('sup', 'er', 'le 1')).toBe('er');
    expect(scriptedText('sup', 'q-1', 'x')).toBe('^(q-1)');
    expect(scriptedText('sub', 'bmax', 'V')).toBe('_bmax');
    expect(scriptedText('sup', 'n+1', '2')).toBe('ⁿ⁺¹');
    expect(scriptedText('sub', '10', 'log')).toBe('₁₀');
  });
});

describe('emoji shortcodes', () => {
  it('are dropped with the space before them', () => {
    const points = pointsOf('en', `${opening} Releases ship every Friday :rocket: and bugs are triaged on Monday :bug: by the whole team :+1:.`);
    expect(points).toContain('Releases ship every Friday and bugs are triaged on Monday by the whole team.');
  });

  it('are dropped where glued to CJK text, and a space after one goes before CJK punctuation (zh, ja, ko)', () => {
    const cases: Array<[string, string, string]> = [
      ['zh', '上线已经完成:rocket:，新版本运行在法兰克福区域，延迟降低了三成。', '上线已经完成，新版本运行在法兰克福区域，延迟降低了三成。'],
      ['zh', '迁移结束了:tada:。旧数据库下周一停用。', '迁移结束了。'],
      ['ja', 'リリースが終わりました:sparkles: 。旧サーバーは来週停止します。', 'リリースが終わりました。'],
      ['ko', '배포가 끝났습니다:tada: 새 서버는 서울 리전에서 실행됩니다.', '배포가 끝났습니다 새 서버는 서울 리전에서 실행됩니다.'],
    ];
    for (const [lang, text, point] of cases) {
      const points = pointsOf(lang, text);
      expect(points.join('\n')).not.toMatch(/:[a-z]+:/);
      expect(points).toContain(point);
    }
  });

  // Issue 23 (F19): glued after a figure or a stop, as jemoji's filter matches it anywhere.
  it('are dropped where glued after a figure or a stop', () => {
    const points = pointsOf('en', `${opening} The cache moved to release 4.2:sparkles: with a smaller index. The old flag is gone.:wave: Nothing else changes.`);
    expect(points.join('\n')).not.toMatch(/:[a-z]+:/);
    expect(points).toContain('The cache moved to release 4.2 with a smaller index.');
  });

  it('leave times, ratios and scopes alone', () => {
    const text = 'The job runs at 10:30:45 daily, mixes sand, lime and cement 1:2:3 by volume, and calls std::sort on the rows.';
    expect(pointsOf('en', `${opening} ${text}`)).toContain(text);
    const zh = '配置按 host:port:timeout 的顺序书写，任务在每天10:30:45运行。';
    expect(pointsOf('zh', zh)).toContain(zh);
  });
});

describe('an operator name after letters', () => {
  it('stands apart from them', () => {
    const points = pointsOf('en', `${opening} The law of cosines reads $c^2 = a^2 + b^2 - 2ab\\cos\\gamma$ for any triangle.`);
    expect(points.join('\n')).toContain('2ab cos γ');
  });
});
