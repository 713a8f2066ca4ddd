/**
 * A paragraph after a compacted list giving a figure ("水温非常重要，最好用92度的水。") stays a point in
 * every language, as in English: in Chinese and Japanese the list's items are offered too, so the note
 * counted as rich in points naming its subject, and the paragraph (its words said once) was dropped as
 * naming nothing (issue 23, tester round 13). A figure measures something, as filler never does.
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a paragraph after a list', () => {
  it('stays a point in Chinese, Traditional Chinese and Japanese, as in English', () => {
    const en = pointsOfNote('en', 'Making green tea takes three steps:\n\n1. Heat the water\n2. Warm the pot\n3. Steep the leaves\n\nKeep the water at 80 degrees, never boiling.');
    expect(en.some((p) => p.includes('80 degrees'))).toBe(true);
    const zh = pointsOfNote('zh', '泡绿茶一共三步：\n\n1. 烧开清水\n2. 温热茶壶\n3. 浸泡茶叶\n\n水温保持在80度左右，不要沸腾。');
    expect(zh.some((p) => p.includes('80度'))).toBe(true);
    const hant = pointsOfNote('zh-Hant', '泡綠茶一共三步：\n\n1. 燒開清水\n2. 溫熱茶壺\n3. 浸泡茶葉\n\n水溫保持在80度左右，不要沸騰。');
    expect(hant.some((p) => p.includes('80度'))).toBe(true);
    const ja = pointsOfNote('ja', '緑茶は三つの手順で淹れます。\n\n1. 水を沸かす\n2. 急須を温める\n3. 茶葉を蒸らす\n\nお湯は80度くらいに冷ましてから注ぎます。');
    expect(ja.some((p) => p.includes('80度'))).toBe(true);
  });

  it('still names the list', () => {
    const zh = pointsOfNote('zh', '泡绿茶一共三步：\n\n1. 烧开清水\n2. 温热茶壶\n3. 浸泡茶叶\n\n水温保持在80度左右，不要沸腾。');
    expect(zh.some((p) => p.includes('烧开清水') && p.includes('浸泡茶叶'))).toBe(true);
  });
});

describe('a statement giving a figure', () => {
  it('is a point though its words come once, where places are free (en, ja)', () => {
    // The opening (under the note's heading) and the list name the note's subject, so the note counts as rich in salient points;
    // the figure after the list measures something, which filler never does.
    const en = pointsOfNote('en', '# Green tea\n\nGreen tea is made in three steps.\n\n1. Heat the water\n2. Warm the pot\n3. Steep the leaves\n\nLet it cool to 80 degrees before pouring.');
    expect(en.some((p) => p.includes('80 degrees'))).toBe(true);
    const ja = pointsOfNote('ja', '# 緑茶の淹れ方\n\n緑茶は三つの手順で淹れます。\n\n1. 水を沸かす\n2. 急須を温める\n3. 茶葉を蒸らす\n\nお湯は80度くらいまで冷ましましょう。');
    expect(ja.some((p) => p.includes('80度'))).toBe(true);
  });

  it('is no point when it is chat to the reader', () => {
    const en = pointsOfNote('en', '# Green tea\n\nGreen tea is made in three steps.\n\n1. Heat the water\n2. Warm the pot\n3. Steep the leaves\n\nHope these 3 steps help you!');
    expect(en.some((p) => p.includes('Hope'))).toBe(false);
  });
});

describe('a ratio or a time in a sentence', () => {
  it('is no label before printed output: the sentence stays a point (zh, issue 23 item 9)', () => {
    // "1:15" is a ratio: a colon between digits labels nothing, so the text after it is no program's output.
    const zh = pointsOfNote('zh', '泡绿茶一共三步：\n\n1. 烧开清水\n2. 温热茶壶\n3. 浸泡茶叶\n\n水温保持在80度左右，不要沸腾。\n\n茶水比大约为1:50，3克茶叶配150毫升水。');
    expect(zh.some((p) => p.includes('1:50'))).toBe(true);
    const alone = pointsOfNote('zh', '绿茶的冲泡方法很简单。\n\n茶水比大约为1:50。\n\n水温保持在80度左右。');
    expect(alone.some((p) => p.includes('1:50'))).toBe(true);
  });

  it('still drops labelled output', () => {
    const en = pointsOfNote('en', 'Run the sort on the sample list.\n\nOutput: 1 2 3 4 5 6 7 8\n\nThe list comes back in order.');
    expect(en.some((p) => p.includes('1 2 3 4'))).toBe(false);
  });
});
