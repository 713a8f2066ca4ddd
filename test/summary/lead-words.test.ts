/**
 * A short word before a comma in Chinese or Japanese goes only when it is a reply ("没错，", "はい、"):
 * "通常，", "此外，", "普通は、" carry the note's meaning and stay (issue 23). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const firstPoint = (lang: string, body: string): string | undefined => pointsOfNote(lang, body)[0];

describe('a short leading word before a comma (CJK)', () => {
  it('stays when it says something of the subject', () => {
    expect(firstPoint('zh', '通常，每次推送都会触发一次完整的站点构建。')).toBe('通常，每次推送都会触发一次完整的站点构建。');
    expect(firstPoint('zh-Hant', '此外，每次推送都會觸發一次完整的網站建置。')).toBe('此外，每次推送都會觸發一次完整的網站建置。');
    expect(firstPoint('ja', '普通は、プッシュのたびにサイト全体がビルドされます。')).toBe('普通は、プッシュのたびにサイト全体がビルドされます。');
  });

  it('goes when it is a reply agreeing', () => {
    expect(firstPoint('zh', '没错，每次推送都会触发一次完整的站点构建。')).toBe('每次推送都会触发一次完整的站点构建。');
    expect(firstPoint('ja', 'はい、プッシュのたびにサイト全体がビルドされます。')).toBe('プッシュのたびにサイト全体がビルドされます。');
  });
});
