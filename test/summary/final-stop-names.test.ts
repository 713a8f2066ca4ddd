/**
 * Items named whole and joined into one point drop the full stop that ends each, in every script
 * (issue 23, tester 22-3 F11): "।" as "." and "。", not "…है।, …". Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const bullets = (lead: string, items: readonly string[]) => [lead, '', ...items.map((item) => `- ${item}`), ''].join('\n');

describe('short items joined into one point', () => {
  it('drop the danda that ends each Hindi item', () => {
    const body = bullets('चाय बनाने के लिए यह चाहिए:', ['पानी उबालें।', 'पत्ती डालें।', 'दूध मिलाएँ।']);
    const points = pointsOfNote('hi', body);
    expect(points.join('\n')).toContain('पानी उबालें, पत्ती डालें, दूध मिलाएँ');
    expect(points.join('\n')).not.toMatch(/।[,،]/u);
  });

  it('drop the full stop that ends each English and Japanese item (must not change)', () => {
    expect(pointsOfNote('en', bullets('For tea you need to:', ['Boil the water.', 'Add the leaves.', 'Pour the milk.'])).join('\n')).toContain('Boil the water, Add the leaves, Pour the milk');
    expect(pointsOfNote('ja', bullets('お茶の入れ方：', ['湯を沸かす。', '茶葉を入れる。', '牛乳を注ぐ。'])).join('\n')).toContain('湯を沸かす、茶葉を入れる、牛乳を注ぐ');
  });

  it('keep a question mark, which is not a full stop (must not change)', () => {
    expect(pointsOfNote('hi', bullets('पूछने लायक सवाल:', ['कितना पानी?', 'कितनी चीनी?', 'कितना दूध?'])).join('\n')).toContain('कितना पानी?');
  });
});
