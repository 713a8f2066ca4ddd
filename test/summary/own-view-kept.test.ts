/**
 * The writer's own view of a thing ("…は避けたほうがいいと思います") is a point in Japanese as in
 * English, though its words come once in the note: where no capital marks a name inside a sentence,
 * the thing it judges weighed as a word said once, and the sentence was dropped as naming nothing
 * (issue 23, tester round 13). A note written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe("the writer's own view", () => {
  it('stays a point in Japanese', () => {
    const ja = pointsOfNote(
      'ja',
      '写真を長く残すなら、私は Backblaze をおすすめします。安いクラウドストレージが使えるからです。\n\n' +
        'ここでは外付けディスクだけに頼るのはやめたほうがいいと思います。クラウドストレージより壊れやすいためです。\n\nNAS は家の中のバックアップとして併用できます。',
    );
    expect(ja.some((p) => p.includes('やめたほうがいいと思います'))).toBe(true);
  });

  it('and in English', () => {
    const en = pointsOfNote(
      'en',
      'To keep photos for years, I recommend Backblaze, because it gives you cheap cloud storage.\n\n' +
        'I would not rely on external disks alone, since they fail more often than cloud storage.\n\nA NAS still helps at home as a second copy.',
    );
    expect(en.some((p) => p.startsWith('I would not rely on external disks'))).toBe(true);
  });
});
