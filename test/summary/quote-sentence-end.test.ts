// Issue 23 item 3: a terminator inside quotation marks ends the quotation, not the sentence.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/summary/sentences.js';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a sentence end inside 「」/『』/“”', () => {
  it('is no sentence end when the sentence goes on after the closing mark (ja)', () => {
    expect(splitSentences('母は「今日は雨です。」と言って傘を渡した。次の日は晴れた。', 'ja')).toEqual([
      '母は「今日は雨です。」と言って傘を渡した。',
      '次の日は晴れた。',
    ]);
    expect(splitSentences('本の最初に『雨が降った。風も吹いた。』と書いてある。', 'ja')).toEqual(['本の最初に『雨が降った。風も吹いた。』と書いてある。']);
  });

  it('is no sentence end before a lower-case word (en), and still is before a capital or a new quotation', () => {
    expect(splitSentences('“Is it done?” she asked twice. Then she left.', 'en')).toEqual(['“Is it done?” she asked twice.', 'Then she left.']);
    expect(splitSentences('He wrote “Done.” Then he left.', 'en')).toEqual(['He wrote “Done.”', 'Then he left.']);
    expect(splitSentences('He wrote “Done.” “Fine.” Then he left.', 'en')).toEqual(['He wrote “Done.”', '“Fine.”', 'Then he left.']);
  });

  it('leaves no point that is only the rest after the quotation', () => {
    const points = pointsOfNote('ja', '母は「今日は雨です。」と言って傘を渡した。\n\n先生は「急がなくていい。確かめなさい。」と何度も言った。');
    expect(points.some((p) => p.includes('「今日は雨です。」と言って傘を渡した。'))).toBe(true);
    expect(points.filter((p) => /^[とっ]/u.test(p))).toEqual([]);
  });
});
