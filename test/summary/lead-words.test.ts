/**
 * A short word before a comma in Chinese or Japanese goes only when it is a reply ("没错，", "はい、"):
 * "通常，", "此外，", "普通は、" carry the note's meaning and stay (issue 23). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function firstPoint(lang: string, body: string): string | undefined {
  const { note, tokens } = parseNote(`_posts/2026-04-04-note-${lang}.md`, Buffer.from(`---\nlang: ${lang}\n---\n\n${body}\n`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText)[0];
}

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
