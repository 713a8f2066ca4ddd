/**
 * Issue 23 item 16: the plain (console) payload keeps struck-through words, marked as Markdown marks
 * them, as Telegram and Discord show them struck; before, they were left out. A note written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { renderPlainText } from '../../src/render/text.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

describe('the plain payload', () => {
  it('keeps struck-through words and code', () => {
    const md = '---\nlang: en\n---\n\nThe kiosk now takes ~~cash~~ cards only, and the ~~`--coins`~~ switch of its tool is gone.\n';
    const { note, tokens } = parseNote('_posts/2026-04-01-kiosk-en.md', Buffer.from(md), opts);
    const text = renderPlainText(buildSummary(note, tokens));
    expect(text).toContain('takes ~~cash~~ cards only');
    expect(text).toContain('the ~~--coins~~ switch');
  });
});
