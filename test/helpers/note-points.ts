/** The key points a note of the given language and body gets, as text: for tests of which sentences become points. */
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

export function pointsOfNote(lang: string, body: string): string[] {
  const { note, tokens } = parseNote(`_posts/2026-04-01-note-${lang}.md`, Buffer.from(`---\nlang: ${lang}\n---\n\n${body}\n`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}
