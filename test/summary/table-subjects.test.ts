/**
 * A table whose subjects are its columns (an empty corner cell, rows of criteria) names its subjects
 * in one point, with the row that best tells them apart: every row names every subject, so the names
 * came back in most of a short note and weighed nothing, and the note gave one row (issue 23: "a
 * table-only note names its rows' subjects"). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string, lang: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-stores-${lang}.md`, Buffer.from(`---\ntitle: Three stores\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

describe('a table whose subjects are its columns', () => {
  it('names them, with the row whose values differ most', () => {
    const got = points(
      `Here's how the three databases I used this year compare.

| | Postgres | SQLite | DuckDB |
|---|---|---|---|
| Writers | many | one | one |
| Storage | a server | one file | one file |
| Best for | web apps | phone apps | analytics |

In short, SQLite wins for anything that ships inside an app.
`,
      'en',
    );
    expect(got).toContain('Postgres, SQLite, DuckDB — Best for: web apps · phone apps · analytics');
  });

  it('in de, with a corner naming the criteria: names them alone when no row tells them apart', () => {
    const got = points(
      `Ich habe drei Notizprogramme ein Jahr lang benutzt.

| Kriterium | Obsidian | Logseq | Joplin |
|---|---|---|---|
| Offline | ja | ja | ja |
| Markdown | ja | ja | ja |

Fazit: Alle drei speichern Notizen als Markdown, und das zählt am meisten.
`,
      'de',
    );
    expect(got).toContain('Obsidian, Logseq, Joplin');
  });
});
